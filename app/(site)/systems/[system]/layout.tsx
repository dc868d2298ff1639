import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { pathIdsSchema } from '@/lib/http/params';
import { getSystemOnce } from './system-lookup';

export const dynamic = 'force-dynamic';

const systemIdSchema = pathIdsSchema.pick({ system: true });

/**
 * Checks the system exists before the page's loading skeleton starts streaming, as the station
 * page's layout does: an unknown system gets a real 404, and the page's metadata (the Atom feed's
 * <link rel="alternate">) is in the head that feed readers read, not streamed into the body.
 */
export default async function SystemLayout({ children, params }: { children: ReactNode; params: Promise<{ system: string }> }) {
  const ids = systemIdSchema.safeParse(await params);
  if (!ids.success || !(await getSystemOnce(ids.data.system))) notFound();
  return children;
}
