import type { Locale } from '../i18n/locales';
import { feedMessagesFor } from '../i18n/messages/feeds';
import { stationFeedHref, stationHref, systemFeedHref, systemHref } from '../http/routes';
import type { AtomEntry, AtomFeed } from './atom';
import type { AvailabilityEvent } from './availability-events';
import { eventEntryId, stationFeedId, systemFeedId } from './entry-id';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
const AUTHOR = 'bikestream';

// Links are root-relative: the request's Host header is the client's to write, so it never goes
// into the document (RFC 4287 resolves relative references against the feed's own address).
function toEntry(event: AvailabilityEvent, locale: Locale): AtomEntry {
  const words = feedMessagesFor(locale);
  const name = event.name ?? event.stationId;
  return {
    id: eventEntryId(event),
    title: words.eventTitles[event.kind](name),
    updated: event.reportedAt,
    summary: words.eventSummary(event.bikes, event.docks),
    link: stationHref(event.systemId, event.stationId),
  };
}

export function stationAvailabilityFeed(
  station: { systemId: string; stationId: string; name: string | null; reportedAt: Date },
  events: readonly AvailabilityEvent[],
  locale: Locale,
): AtomFeed {
  const { systemId, stationId } = station;
  return {
    id: stationFeedId(systemId, stationId),
    title: feedMessagesFor(locale).stationFeedTitle(station.name ?? stationId),
    updatedFallback: station.reportedAt,
    author: AUTHOR,
    language: locale,
    links: [
      { rel: 'self', href: stationFeedHref(systemId, stationId, locale), type: 'application/atom+xml' },
      { rel: 'alternate', href: stationHref(systemId, stationId), type: 'text/html' },
    ],
    entries: events.map((event) => toEntry(event, locale)),
  };
}

export function systemAvailabilityFeed(
  system: { systemId: string; name: string; statusUpdatedAt: Date | null },
  events: readonly AvailabilityEvent[],
  locale: Locale,
): AtomFeed {
  const { systemId } = system;
  return {
    id: systemFeedId(systemId),
    title: feedMessagesFor(locale).systemFeedTitle(system.name),
    updatedFallback: system.statusUpdatedAt,
    author: AUTHOR,
    language: locale,
    links: [
      { rel: 'self', href: systemFeedHref(systemId, locale), type: 'application/atom+xml' },
      { rel: 'alternate', href: systemHref(systemId), type: 'text/html' },
    ],
    entries: events.map((event) => toEntry(event, locale)),
  };
}
