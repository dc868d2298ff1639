import { cache } from 'react';
import { getDb } from '@/lib/db/server-db';
import { getStation } from '@/lib/queries/stations';

/** One read of the station per request, shared by the layout's 404 check, the metadata and the page. */
export const getStationOnce = cache((systemId: string, stationId: string) => getStation(getDb(), systemId, stationId));
