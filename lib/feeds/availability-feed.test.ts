import { describe, expect, it } from 'vitest';
import type { AvailabilityEvent } from './availability-events';
import { stationAvailabilityFeed, systemAvailabilityFeed } from './availability-feed';

const event = (kind: AvailabilityEvent['kind'], minute: number, stationId = '551', name: string | null = 'Jernbanetorget'): AvailabilityEvent => ({
  systemId: 'oslo by',
  stationId,
  name,
  reportedAt: new Date(Date.UTC(2026, 2, 1, 8, minute)),
  bikes: kind === 'empty' ? 0 : 3,
  prevBikes: kind === 'empty' ? 1 : 0,
  docks: 7,
  prevDocks: 8,
  kind,
});

describe('the availability feeds', () => {
  it('name each entry by station, kind and report time, whatever the language, with its words in the language asked for', () => {
    const events = [event('empty-ended', 30), event('empty', 10)];
    const station = { systemId: 'oslo by', stationId: '551', name: 'Jernbanetorget', reportedAt: new Date(Date.UTC(2026, 2, 1, 9)) };
    const english = stationAvailabilityFeed(station, events, 'en');
    const norwegian = stationAvailabilityFeed(station, events, 'nb');
    expect(english.entries.map((entry) => entry.id)).toEqual([
      'tag:bikestream,2026:stations/oslo%20by/551/empty-ended/2026-03-01T08:30:00.000Z',
      'tag:bikestream,2026:stations/oslo%20by/551/empty/2026-03-01T08:10:00.000Z',
    ]);
    expect(norwegian.entries.map((entry) => entry.id)).toEqual(english.entries.map((entry) => entry.id));
    expect(english.entries.map((entry) => entry.title)).toEqual(['Jernbanetorget has bikes again', 'Jernbanetorget is empty']);
    expect(norwegian.entries.map((entry) => entry.title)).toEqual(['Jernbanetorget har sykler igjen', 'Jernbanetorget er tom']);
    expect(norwegian.entries[1]?.summary).toBe('Nå 0 sykler, 7 ledige låser.');
    expect(english.links).toEqual([
      { rel: 'self', href: '/stations/oslo%20by/551/feed.xml', type: 'application/atom+xml' },
      { rel: 'alternate', href: '/stations/oslo%20by/551', type: 'text/html' },
    ]);
    expect(norwegian.links[0]?.href).toBe('/stations/oslo%20by/551/feed.xml?lang=nb');
    expect(english.id).toBe('tag:bikestream,2026:stations/oslo%20by/551/feed');
  });

  it('names a station without a name by its id, and links each system entry to its station', () => {
    const feed = systemAvailabilityFeed({ systemId: 'oslo by', name: 'Oslo Bysykkel', statusUpdatedAt: null }, [event('full', 5, '77', null)], 'en');
    expect(feed.title).toBe('Oslo Bysykkel: stations empty and full');
    expect(feed.entries[0]).toMatchObject({ title: '77 is full', link: '/stations/oslo%20by/77' });
    expect(feed.links.find((link) => link.rel === 'alternate')?.href).toBe('/systems/oslo%20by');
  });
});
