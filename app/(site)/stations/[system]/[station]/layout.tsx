import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getDb } from '@/lib/db/client';
import { pathIdsSchema } from '@/lib/http/params';
import { getStation } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

/**
 * Checks the station exists before the page's loading skeleton starts streaming, so an unknown
 * station gets a real 404 status, not a 200 carrying the not-found page.
 */
export default async function StationLayout({ children, params }: { children: ReactNode; params: Promise<{ system: string; station: string }> }) {
  const ids = pathIdsSchema.safeParse(await params);
  if (!ids.success || !(await getStation(getDb(), ids.data.system, ids.data.station))) notFound();
  return children;
}
