import { stationInformationSchema, stationsDataSchema } from './feeds';
import { describeZodError, FeedError } from './errors';
import { parseEnvelope } from './parse-envelope';
import { pickLanguage } from './primitives';
import type { Parsed, StationInfo } from './types';

const FEED = 'station_information';

export function parseStationInformation(body: unknown, systemId: string, language?: string): Parsed<StationInfo> & { ttl: number } {
  const envelope = parseEnvelope(FEED, body);
  const list = stationsDataSchema.safeParse(envelope.data);
  if (!list.success) throw new FeedError(FEED, describeZodError(list.error));
  const result: Parsed<StationInfo> = { items: [], rejected: [] };
  const seen = new Set<string>();
  for (const raw of list.data.stations) {
    const station = stationInformationSchema.safeParse(raw);
    if (!station.success) {
      result.rejected.push({ feed: FEED, reason: describeZodError(station.error), stationId: rawStationId(raw), raw });
      continue;
    }
    const { station_id, name, lat, lon, address, capacity } = station.data;
    if (seen.has(station_id)) {
      result.rejected.push({ feed: FEED, reason: 'duplicate station_id', stationId: station_id, raw });
      continue;
    }
    seen.add(station_id);
    result.items.push({
      systemId,
      stationId: station_id,
      name: pickLanguage(name, language),
      address: address ?? null,
      lat,
      lon,
      capacity: capacity ?? null,
    });
  }
  return { ...result, ttl: envelope.ttl };
}

export function rawStationId(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'station_id' in raw) {
    const id = (raw as { station_id: unknown }).station_id;
    if (typeof id === 'string' || typeof id === 'number') return String(id).slice(0, 200);
  }
  return undefined;
}
