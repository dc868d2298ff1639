import type { FeedMessages } from './feeds-en';

const bikes = (n: number) => `${n} ${n === 1 ? 'sykkel' : 'sykler'}`;
const docks = (n: number | null) => (n === null ? '' : `, ${n} ${n === 1 ? 'ledig lås' : 'ledige låser'}`);

/** Atom-feedenes ord på bokmål. Typed as feeds-en's shape: a missing or extra key is a type error. */
export const feedsNb: FeedMessages = {
  stationFeedTitle: (station) => `${station}: tom og full`,
  systemFeedTitle: (system) => `${system}: tomme og fulle stasjoner`,
  eventTitles: {
    empty: (station) => `${station} er tom`,
    full: (station) => `${station} er full`,
    'empty-ended': (station) => `${station} har sykler igjen`,
    'full-ended': (station) => `${station} har ledige låser igjen`,
  },
  eventSummary: (bikeCount, dockCount) => `Nå ${bikes(bikeCount)}${docks(dockCount)}.`,
  stationLink: 'Følg når stasjonen er tom eller full (Atom-feed)',
  systemLink: 'Følg når stasjoner er tomme eller fulle (Atom-feed)',
  feedLinkTitle: 'Tom og full (Atom)',
};
