import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { pathIdsSchema } from '@/lib/http/params';
import { getStationOnce } from './station-lookup';

export const dynamic = 'force-dynamic';

/**
 * Checks the station exists before the page's loading skeleton starts streaming, so an unknown
 * station gets a real 404 status, not a 200 carrying the not-found page.
 */
export default async function StationLayout({ children, params }: { children: ReactNode; params: Promise<{ system: string; station: string }> }) {
  const ids = pathIdsSchema.safeParse(await params);
  if (!ids.success || !(await getStationOnce(ids.data.system, ids.data.station))) notFound();
  return children;
}
