import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages/en';
import { nb } from '../i18n/messages/nb';
import { describeStationHistory, type StationRevision } from './station-history';

const first: StationRevision = { seenAt: new Date('2024-09-01T08:00:00Z'), name: 'Old Square', address: 'Torget 1', lat: 59.9127, lon: 10.7461, capacity: 20 };

describe('describeStationHistory', () => {
  it('tells a rename, a move in metres and a capacity change, newest first', () => {
    const renamed = { ...first, seenAt: new Date('2024-09-02T08:00:00Z'), name: 'New Square' };
    const moved = { ...renamed, seenAt: new Date('2024-09-03T08:00:00Z'), lat: 59.9137, capacity: 24 };
    const history = describeStationHistory([first, renamed, moved]);
    expect(history.since).toBe('2024-09-01T08:00:00.000Z');
    expect(history.events).toEqual([
      { kind: 'moved', at: '2024-09-03T08:00:00.000Z', meters: 111 },
      { kind: 'capacity', at: '2024-09-03T08:00:00.000Z', from: 20, to: 24 },
      { kind: 'renamed', at: '2024-09-02T08:00:00.000Z', from: 'Old Square', to: 'New Square' },
    ]);
    expect(history.events.map(en.station.event)).toEqual(['Moved 111 m', 'Capacity 20 → 24', 'Renamed from Old Square']);
    expect(history.events.map(nb.station.event)).toEqual(['Flyttet 111 m', 'Kapasitet 20 → 24', 'Omdøpt fra Old Square']);
  });

  it('has no events for a station that never changed, and no history at all without revisions', () => {
    expect(describeStationHistory([first])).toEqual({ since: '2024-09-01T08:00:00.000Z', events: [] });
    expect(describeStationHistory([])).toEqual({ since: null, events: [] });
  });

  it('does not invent a move when a version has no position', () => {
    const unplaced = { ...first, seenAt: new Date('2024-09-02T08:00:00Z'), lat: null, lon: null };
    expect(describeStationHistory([first, unplaced]).events).toEqual([]);
  });

  it('words an address change and capacity appearing', () => {
    const next = { ...first, seenAt: new Date('2024-09-02T08:00:00Z'), address: 'Torget 3', capacity: null };
    expect(describeStationHistory([first, next]).events.map(en.station.event)).toEqual(['Address changed from Torget 1 to Torget 3', 'Capacity 20 → none']);
    expect(describeStationHistory([first, next]).events.map(nb.station.event)).toEqual(['Adressen endret fra Torget 1 til Torget 3', 'Kapasitet 20 → ingen']);
  });
});
