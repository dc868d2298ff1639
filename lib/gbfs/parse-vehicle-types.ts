import { vehicleTypesDataSchema } from './feeds';
import { describeZodError, FeedError } from './errors';
import { parseEnvelope } from './parse-envelope';

const ELECTRIC = new Set(['electric_assist', 'electric']);

/** The vehicle_type_ids that count as e-bikes. */
export function parseEbikeTypeIds(body: unknown): Set<string> {
  const envelope = parseEnvelope('vehicle_types', body);
  const result = vehicleTypesDataSchema.safeParse(envelope.data);
  if (!result.success) throw new FeedError('vehicle_types', describeZodError(result.error));
  return new Set(
    result.data.vehicle_types
      .filter((type) => ELECTRIC.has(type.propulsion_type ?? '') && (type.form_factor ?? 'bicycle') === 'bicycle')
      .map((type) => type.vehicle_type_id),
  );
}
