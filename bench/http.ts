import { startWeb } from '../tests/support/web';
import { openLoop, type LoadResult } from './http-load';
import { measurePageMarkers, type PageFigures } from './page';

export interface HttpFigures {
  stations: LoadResult;
  changes: LoadResult;
  page: PageFigures;
}

/** The production web server (server/index.ts) on the given database: the two SWR routes under load, then `/` in Chromium. */
export async function measureHttp(env: Record<string, string>, options: { systemId: string; stations: number; rate: number; seconds: number; pageRuns: number }): Promise<HttpFigures> {
  // The load comes from many X-Forwarded-For addresses, as through one reverse proxy; the page
  // limit is off so Chromium's repeated loads of `/` measure the page, not the limit.
  const web = await startWeb({ ...env, TRUSTED_PROXY_HOPS: '1', PAGE_RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const stationsUrl = `${web.baseUrl}/api/stations?system=${options.systemId}`;
    const changesUrl = `${web.baseUrl}/api/changes?system=${options.systemId}`;
    // Warm the route handlers (first-request compilation, pool connections) before timing.
    const warmup = Math.min(20, Math.ceil((options.rate * options.seconds) / 10));
    await openLoop(stationsUrl, warmup, 1);
    await openLoop(changesUrl, warmup, 1);
    const stations = await openLoop(stationsUrl, options.rate, options.seconds);
    const changes = await openLoop(changesUrl, options.rate, options.seconds);
    const page = await measurePageMarkers(web.baseUrl, options.stations, options.pageRuns);
    return { stations, changes, page };
  } finally {
    await web.stop();
  }
}
