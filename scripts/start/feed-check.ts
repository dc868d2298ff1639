import { env } from '../../lib/runtime/env';
import { createFeedFetcher } from '../../workers/producer/fetch-feed';

/**
 * Whether a GBFS discovery URL answers with JSON within a few seconds, fetched the way the producer
 * fetches it: redirects only where the outbound policy allows, and a reason in our own words.
 */
export async function checkFeed(url: string, clientId: string, timeoutMs = 8_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const config = env();
  const fetchFeed = createFeedFetcher({
    clientId,
    configuredUrl: url,
    allowedHosts: config.GBFS_ALLOWED_HOSTS,
    timeoutMs,
    maxBytes: config.FEED_MAX_BYTES,
    signal: new AbortController().signal,
  });
  try {
    await fetchFeed('gbfs', url);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
