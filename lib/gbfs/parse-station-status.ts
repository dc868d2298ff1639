import { stationsDataSchema, stationStatusSchema, type StationStatusInput } from './feeds';
import { describeZodError, FeedError } from './errors';
import { parseEnvelope } from './parse-envelope';
import { rawStationId } from './parse-station-information';
import { chooseReportedAt } from './timestamps';
import type { Parsed, StationStatus } from './types';

const FEED = 'station_status';
const EBIKE_ID_PATTERN = /e-?bike|electric|pedelec/i;

export interface StatusSnapshot extends Parsed<StationStatus> {
  lastUpdated: number;
  ttl: number;
}

export interface StatusContext {
  systemId: string;
  fetchedAt: number;
  /** vehicle_type_ids with electric propulsion, from vehicle_types.json when the feed has one. */
  ebikeTypeIds?: ReadonlySet<string>;
}

function countEbikes(station: StationStatusInput, ebikeTypeIds?: ReadonlySet<string>): number | null {
  if (station.num_ebikes_available !== undefined) return station.num_ebikes_available;
  const types = station.vehicle_types_available;
  if (!types) return null;
  const isEbike = (id: string) => (ebikeTypeIds ? ebikeTypeIds.has(id) : EBIKE_ID_PATTERN.test(id));
  return types.filter((type) => isEbike(type.vehicle_type_id)).reduce((sum, type) => sum + type.count, 0);
}

function countBikes(station: StationStatusInput): number | undefined {
  if (station.num_bikes_available !== undefined) return station.num_bikes_available;
  if (station.num_vehicles_available !== undefined) return station.num_vehicles_available;
  return station.vehicle_types_available?.reduce((sum, type) => sum + type.count, 0);
}

export function parseStationStatus(body: unknown, context: StatusContext): StatusSnapshot {
  const envelope = parseEnvelope(FEED, body);
  const list = stationsDataSchema.safeParse(envelope.data);
  if (!list.success) throw new FeedError(FEED, describeZodError(list.error));
  const snapshot: StatusSnapshot = { lastUpdated: envelope.lastUpdated, ttl: envelope.ttl, items: [], rejected: [] };
  const seen = new Set<string>();
  const reject = (reason: string, raw: unknown, stationId = rawStationId(raw)) =>
    snapshot.rejected.push({ feed: FEED, reason, stationId, raw });

  for (const raw of list.data.stations) {
    const parsed = stationStatusSchema.safeParse(raw);
    if (!parsed.success) {
      reject(describeZodError(parsed.error), raw);
      continue;
    }
    const station = parsed.data;
    const bikes = countBikes(station);
    const ebikes = countEbikes(station, context.ebikeTypeIds);
    if (bikes === undefined) reject('no bike count', raw);
    else if (ebikes !== null && ebikes > bikes) reject(`more e-bikes (${ebikes}) than bikes (${bikes})`, raw);
    else if (seen.has(station.station_id)) reject('duplicate station_id', raw);
    else {
      seen.add(station.station_id);
      snapshot.items.push({
        systemId: context.systemId,
        stationId: station.station_id,
        reportedAt: chooseReportedAt(station.last_reported, envelope.lastUpdated, context.fetchedAt),
        bikes,
        ebikes,
        docks: station.num_docks_available ?? null,
        isInstalled: station.is_installed,
        isRenting: station.is_renting,
        isReturning: station.is_returning,
      });
    }
  }
  return snapshot;
}
