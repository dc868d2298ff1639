import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ChangeForCause, StationForCause } from '../../lib/stations/insights/causes/types';

const statusSchema = z.object({
  last_updated: z.coerce.number(),
  data: z.object({
    stations: z.array(
      z.object({
        station_id: z.string(),
        num_bikes_available: z.number(),
        num_docks_available: z.number().nullish(),
        last_reported: z.coerce.number().nullish(),
      }),
    ),
  }),
});

const informationSchema = z.object({
  data: z.object({
    stations: z.array(z.object({ station_id: z.string(), name: z.string(), lat: z.number(), lon: z.number(), capacity: z.number().nullish() })),
  }),
});

/** Snapshots further apart than this belong to different recorded days: no change is made across the gap. */
export const MAX_SNAPSHOT_GAP_MS = 2 * 3_600_000;

export interface RecordedSystem {
  changes: ChangeForCause[];
  stations: Map<string, StationForCause>;
  names: Map<string, string>;
  /** Report times of every snapshot, oldest first. */
  snapshots: number[];
}

interface Report {
  at: number;
  bikes: number;
  docks: number | null;
}

/** A recorded GBFS folder (station_status.<time>.json files) as the LAG view would see it: one change per differing report. */
export async function loadRecordedChanges(folder: string): Promise<RecordedSystem> {
  const files = (await readdir(folder)).filter((file) => /^station_status\.\d+\.json$/.test(file));
  const documents = await Promise.all(files.map(async (file) => statusSchema.parse(JSON.parse(await readFile(path.join(folder, file), 'utf8')))));
  documents.sort((a, b) => a.last_updated - b.last_updated);
  const information = informationSchema.parse(JSON.parse(await readFile(path.join(folder, 'station_information.json'), 'utf8')));
  const stations = new Map(information.data.stations.map((s) => [s.station_id, { stationId: s.station_id, capacity: s.capacity ?? null, lat: s.lat, lon: s.lon }]));
  const names = new Map(information.data.stations.map((s) => [s.station_id, s.name]));
  const last = new Map<string, Report>();
  const changes: ChangeForCause[] = [];
  for (const document of documents) {
    for (const station of document.data.stations) {
      const report = { at: (station.last_reported ?? document.last_updated) * 1000, bikes: station.num_bikes_available, docks: station.num_docks_available ?? null };
      const before = last.get(station.station_id);
      if (before && report.at <= before.at) continue;
      last.set(station.station_id, report);
      if (!before || report.at - before.at > MAX_SNAPSHOT_GAP_MS || (before.bikes === report.bikes && before.docks === report.docks)) continue;
      changes.push({
        stationId: station.station_id,
        reportedAt: new Date(report.at),
        prevReportedAt: new Date(before.at),
        bikes: report.bikes,
        prevBikes: before.bikes,
        docks: report.docks,
        prevDocks: before.docks,
      });
    }
  }
  changes.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  return { changes, stations, names, snapshots: documents.map((d) => d.last_updated * 1000) };
}
