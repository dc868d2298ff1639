import { z } from 'zod';
import { feedText, gbfsBoolean, gbfsCount, gbfsId, gbfsNumber, gbfsTimestamp, localizedText } from './primitives';

/** Envelope shared by every GBFS file, 1.0 to 3.0. `data` is checked by the file's own schema. */
export const envelopeSchema = z.object({
  last_updated: gbfsTimestamp,
  ttl: gbfsNumber.pipe(z.number().int().min(0).max(86_400)),
  version: feedText.optional(),
  data: z.record(z.string(), z.unknown()),
});

const feedLink = z.object({ name: z.string(), url: z.url({ protocol: /^https?$/ }) });
const feedList = z.object({ feeds: z.array(z.unknown()) });

/** 1.x/2.x nest feeds under a language key; 3.0 lists them directly. */
export const discoveryDataSchema = z.union([
  feedList,
  z.record(z.string(), feedList),
]);

export const feedLinkSchema = feedLink;

export const systemInformationSchema = z.object({
  system_id: gbfsId,
  name: localizedText,
  // Checked by parseSystemInformation, which falls back to UTC: a bad zone must not lose the system.
  timezone: z.unknown(),
  language: feedText.optional(),
  languages: z.array(feedText).optional(),
  operator: localizedText.optional(),
  license_url: feedText.optional(),
});

export const stationsDataSchema = z.object({ stations: z.array(z.unknown()) });

export const stationInformationSchema = z.object({
  station_id: gbfsId,
  name: localizedText,
  lat: gbfsNumber.pipe(z.number().min(-90).max(90)),
  lon: gbfsNumber.pipe(z.number().min(-180).max(180)),
  address: feedText.optional(),
  capacity: gbfsCount.optional(),
});

const vehicleTypeCount = z.object({ vehicle_type_id: gbfsId, count: gbfsCount });

export const stationStatusSchema = z.object({
  station_id: gbfsId,
  num_bikes_available: gbfsCount.optional(),
  num_vehicles_available: gbfsCount.optional(),
  num_ebikes_available: gbfsCount.optional(),
  num_docks_available: gbfsCount.optional(),
  vehicle_types_available: z.array(vehicleTypeCount).optional(),
  is_installed: gbfsBoolean.default(true),
  is_renting: gbfsBoolean.default(true),
  is_returning: gbfsBoolean.default(true),
  last_reported: gbfsTimestamp.optional(),
});

export const vehicleTypesDataSchema = z.object({
  vehicle_types: z.array(
    z.object({ vehicle_type_id: gbfsId, propulsion_type: z.string().optional(), form_factor: z.string().optional() }),
  ),
});

export type StationStatusInput = z.infer<typeof stationStatusSchema>;
