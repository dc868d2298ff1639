import { unstable_serialize } from 'swr/infinite';
import type { ChangesResponse, StationsResponse, SystemsResponse } from '../api/api-types';
import { SYSTEMS_KEY, changesPageKey, stationsKey } from './keys';

/** The server page's data under the keys the client hooks will ask for, so the first paint has it. */
export function liveFallback(data: { systems: SystemsResponse; stations: StationsResponse; changes?: ChangesResponse }): Record<string, unknown> {
  const systemId = data.stations.system.systemId;
  const fallback: Record<string, unknown> = { [SYSTEMS_KEY]: data.systems, [stationsKey(systemId)]: data.stations };
  if (data.changes) fallback[unstable_serialize(changesPageKey(systemId))] = [data.changes];
  return fallback;
}
