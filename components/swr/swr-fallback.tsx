'use client';

import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';

/** Hands the server page's data to every SWR hook below it as fallback, keyed by API URL. */
export function SwrFallback({ fallback, children }: { fallback: Record<string, unknown>; children: ReactNode }) {
  return <SWRConfig value={{ fallback }}>{children}</SWRConfig>;
}
