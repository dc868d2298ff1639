import type { ChangeCause } from '../../stations/insights/causes/types';

const plural = (n: string, count: number, one: string, other: string) => `${n} ${count === 1 ? one : other}`;

/** The words of the insight layer (causes, activity, report cards), in English; insights-nb.ts has the same keys. */
export const insightsEn = {
  causes: {
    names: { riders: 'riders', rebalancing: 'truck', glitch: 'glitch' } satisfies Record<ChangeCause, string>,
    explain: {
      riders: 'Riders took or returned bikes',
      rebalancing: 'The operator moved bikes by truck',
      glitch: 'A feed artefact, not a real change',
    } satisfies Record<ChangeCause, string>,
    pending: 'cause not decided yet',
    filterLabel: 'Show',
    filters: { all: 'All', riders: 'Riders only', rebalancing: 'Trucks', glitch: 'Glitches' },
    noneOfKind: 'No changes of this kind yet.',
  },
  activity: {
    heading: 'Riders and trucks',
    rangeLabel: 'Period',
    ranges: { today: 'Today', '7d': 'Last 7 days' },
    headline: (took: string, brought: string, moved: string, today: boolean) =>
      `${today ? 'Today' : 'In the last 7 days'} riders took ${took} bikes and returned ${brought}; trucks moved ${moved}.`,
    glitches: (n: string, count: number) => plural(n, count, 'feed glitch was', 'feed glitches were') + ' left out.',
    legend: { rentals: 'Rentals', returns: 'Returns', trucks: 'Moved by trucks' },
    chartLabel: 'Bikes taken and returned by riders (above the line) and moved by trucks (below), per period',
    tableCaption: 'Bikes per period',
    columns: { start: 'From', rentals: 'Rentals', returns: 'Returns', truckIn: 'Trucks in', truckOut: 'Trucks out', glitches: 'Glitches' },
    settledUntil: (time: string) => `Causes are final up to ${time}; later ones may still be revised.`,
    notYet: 'No change has a cause yet: the classifier starts with the first reports.',
    loading: 'Loading activity…',
    failed: 'Activity could not be loaded; trying again.',
    worstLink: 'Stations that let riders down most',
    howWeKnow: 'How a cause is decided',
  },
  report: {
    heading: 'Report card',
    daysLabel: 'Period',
    days: (days: number) => (days === 1 ? 'Today' : `Last ${days} days`),
    empty: 'Empty',
    full: 'Full',
    longestEmpty: 'Longest empty spell',
    usable: 'Usable in daytime (07–22)',
    riders: 'Riders took / returned',
    trucks: 'Trucks brought / took',
    glitches: 'Feed glitches',
    silent: 'Silent',
    silentHint: '3+ daytime hours with no rider while the system was busy: a stuck bike or a broken dock?',
    partial: (from: string, to: string) => `${from} – ${to}, local days; today so far.`,
    none: 'No report card yet: it is written once the station’s changes have causes.',
    loading: 'Loading the report card…',
    failed: 'The report card could not be loaded; trying again.',
    worstHeading: 'Stations that let riders down',
    worstIntro: 'Worst first. Empty and full count only while a station is open; silent spells hint at a stuck bike or a broken dock.',
    sortLabel: 'Sort by',
    sorts: {
      'empty-minutes': 'Time empty',
      'full-minutes': 'Time full',
      'usable-share': 'Usable share',
      'longest-empty': 'Longest empty',
      'silent-minutes': 'Silent',
      glitches: 'Glitches',
      rentals: 'Rentals',
      'truck-moves': 'Truck moves',
    },
    station: 'Station',
    noStations: 'No report cards for this system yet.',
  },
};

export type InsightMessages = typeof insightsEn;
