import { chromium, type Browser } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const MAP = '[data-testid="station-map"]';
/** After the load event, how long a page may take to mount its map before we call the map absent. */
const ABSENT_GRACE_MS = 5_000;
const PAGE_TIMEOUT_MS = 30_000;

export interface PageTiming {
  /** Navigation start → the frame in which the map's data-markers reached the station count. */
  markersMs: number;
  /** Navigation start → first byte of the HTML, DOMContentLoaded, and the load event. */
  firstByteMs: number;
  domContentLoadedMs: number;
  loadMs: number;
}

export interface PageFigures {
  ms: number | null;
  runs: PageTiming[];
  /** Why `ms` is null. */
  reason: string | null;
  /** The page has no map with a data-markers attribute yet: nothing to time, which is not a failure of speed. */
  notImplemented: boolean;
}

/** One cold load of `/` in a fresh browser context: navigation start → all `expected` markers drawn. */
async function loadOnce(browser: Browser, baseUrl: string, expected: number, timeoutMs: number): Promise<PageTiming | { reason: string; notImplemented: boolean }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // Map tiles come from elsewhere and cannot load offline; only the app itself is timed.
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(baseUrl, { waitUntil: 'commit' });
    try {
      const outcome = await page.waitForFunction(
        ({ selector, count, graceMs }) => {
          const map = document.querySelector(selector);
          if (map?.getAttribute('data-markers') === String(count)) return performance.now();
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const loadedAt = navigation?.loadEventEnd ?? 0;
          return !map && loadedAt > 0 && performance.now() - loadedAt > graceMs ? 'absent' : false;
        },
        { selector: MAP, count: expected, graceMs: ABSENT_GRACE_MS },
        { polling: 'raf', timeout: timeoutMs },
      );
      const drawnAt = await outcome.jsonValue();
      if (typeof drawnAt === 'number') {
        const navigation = await page.evaluate(() => {
          const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { firstByteMs: entry.responseStart, domContentLoadedMs: entry.domContentLoadedEventEnd, loadMs: entry.loadEventEnd };
        });
        return { markersMs: drawnAt, ...navigation };
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    }
    const map = await page.$(MAP);
    if (!map) return { reason: `the home page has no ${MAP} element (yet)`, notImplemented: true };
    const markers = await map.getAttribute('data-markers');
    if (markers === null) return { reason: `${MAP} has no data-markers attribute (yet)`, notImplemented: true };
    return { reason: `data-markers was ${markers}, not ${expected}, ${timeoutMs} ms after navigation`, notImplemented: false };
  } finally {
    await context.close();
  }
}

/** Time for `/` to show every station's marker in headless Chromium: the median of `runs` loads, after one warm-up load when runs > 1. */
export async function measurePageMarkers(baseUrl: string, expected: number, runs: number): Promise<PageFigures> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    if (runs > 1) {
      const warmup = await loadOnce(browser, baseUrl, expected, PAGE_TIMEOUT_MS);
      if ('reason' in warmup) return { ms: null, runs: [], reason: warmup.reason, notImplemented: warmup.notImplemented };
    }
    const times: PageTiming[] = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await loadOnce(browser, baseUrl, expected, PAGE_TIMEOUT_MS);
      if ('reason' in result) return { ms: null, runs: times, reason: result.reason, notImplemented: result.notImplemented };
      times.push(result);
    }
    const sorted = times.map((time) => time.markersMs).sort((a, b) => a - b);
    return { ms: sorted[Math.floor((sorted.length - 1) / 2)] ?? null, runs: times, reason: null, notImplemented: false };
  } finally {
    await browser.close();
  }
}
