import type { AvailabilityEventKind } from '../../feeds/availability-events';

const bikes = (n: number) => `${n} ${n === 1 ? 'bike' : 'bikes'}`;
const docks = (n: number | null) => (n === null ? '' : `, ${n} free ${n === 1 ? 'dock' : 'docks'}`);

/** The Atom feeds' words and the links to them, in English; feeds-nb.ts has the same keys. */
export const feedsEn = {
  stationFeedTitle: (station: string) => `${station}: empty and full`,
  systemFeedTitle: (system: string) => `${system}: stations empty and full`,
  eventTitles: {
    empty: (station: string) => `${station} is empty`,
    full: (station: string) => `${station} is full`,
    'empty-ended': (station: string) => `${station} has bikes again`,
    'full-ended': (station: string) => `${station} has free docks again`,
  } satisfies Record<AvailabilityEventKind, (station: string) => string>,
  eventSummary: (bikeCount: number, dockCount: number | null) => `Now ${bikes(bikeCount)}${docks(dockCount)}.`,
  stationLink: 'Follow when this station is empty or full (Atom feed)',
  systemLink: 'Follow when stations are empty or full (Atom feed)',
  feedLinkTitle: 'Empty and full (Atom)',
};

export type FeedMessages = typeof feedsEn;
