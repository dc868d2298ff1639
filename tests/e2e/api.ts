import type { APIRequestContext } from '@playwright/test';

export interface ApiStation {
  stationId: string;
  name: string | null;
}

export async function apiStations(request: APIRequestContext): Promise<{ system: { systemId: string; ttlSeconds: number }; stations: ApiStation[] }> {
  const response = await request.get('/api/stations');
  return (await response.json()) as { system: { systemId: string; ttlSeconds: number }; stations: ApiStation[] };
}

export async function apiChanges(request: APIRequestContext): Promise<{ changes: { stationId: string; systemId: string }[] }> {
  return (await (await request.get('/api/changes?limit=50')).json()) as { changes: { stationId: string; systemId: string }[] };
}

export const SCREENSHOTS = 'test-results/screenshots';
