import { createSharedResponses } from './shared-responses';

/**
 * The polled API routes share one store: a second's staleness on top of a feed that updates every
 * 10–15 s, in exchange for one query per second however many dashboards are open.
 */
export const { shared: sharedApiResponses } = createSharedResponses({ ttlMs: 1_000, maxEntries: 1_000 });
