import { cache } from 'react';
import { getDb } from '@/lib/db/server-db';
import { getSystem } from '@/lib/queries/systems';

/** One read of the system per request, shared by the layout's 404 check, the metadata and the page. */
export const getSystemOnce = cache((systemId: string) => getSystem(getDb(), systemId));
