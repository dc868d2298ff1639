import useSWR from 'swr';
import type { SystemsResponse } from '../api/api-types';
import { fetchJson } from './fetch-json';
import { SYSTEMS_KEY } from './keys';
import { liveOptions } from './live-options';

/** The known systems; new ones are rare, so a minute between polls is plenty. */
export function useSystems() {
  return useSWR<SystemsResponse, Error>(SYSTEMS_KEY, fetchJson, { ...liveOptions, refreshInterval: 60_000 });
}
