import { expect, test, type Page } from '@playwright/test';
import { apiStations } from './api';

/** Counts the page's requests to the polled API routes, and whether /api/stream was opened. */
function watchRequests(page: Page) {
  const seen = { changes: 0, stations: 0, stream: 0 };
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/changes') seen.changes += 1;
    else if (pathname === '/api/stations') seen.stations += 1;
    else if (pathname === '/api/stream') seen.stream += 1;
  });
  return seen;
}

async function nextChangeShown(page: Page) {
  const items = page.getByTestId('change-feed').locator('li');
  const top = items.first();
  // The feed may still be empty right after the pipeline starts: then the first change is the new one.
  const topText = async () => ((await items.count()) > 0 ? top.textContent() : null);
  const before = await topText();
  await expect.poll(topText, { timeout: 60_000, intervals: [100] }).not.toBe(before);
  const shownAt = Date.now();
  const reportedAt = Date.parse((await top.locator('time').getAttribute('datetime')) ?? '');
  return { shownAt, reportedAt };
}

test('the dashboard shows a new change pushed by the stream, within the ttl plus 1 s, without polling', async ({ page, request }) => {
  const { system } = await apiStations(request);
  const seen = watchRequests(page);
  await page.goto('/');
  await expect.poll(() => seen.stream, { timeout: 15_000 }).toBeGreaterThan(0);
  const { shownAt, reportedAt } = await nextChangeShown(page);
  // From here SWR's cache holds the feed and the list: the next change must come by push alone.
  const polled = { ...seen };
  const second = await nextChangeShown(page);
  console.log(`FIGURES e2e stream: feed report → on screen ${shownAt - reportedAt} ms and ${second.shownAt - second.reportedAt} ms (ttl ${system.ttlSeconds} s)`);
  // The bound is the pushed one's: the first may be the page's own fetch while it starts (logged above).
  expect(second.shownAt - second.reportedAt).toBeLessThanOrEqual((system.ttlSeconds + 1) * 1000);
  expect(seen.changes).toBe(polled.changes);
  expect(seen.stations).toBe(polled.stations);
});

test('the dashboard falls back to polling when /api/stream answers an error', async ({ page }) => {
  await page.route('**/api/stream**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'the server is at its live stream limit' }) }));
  const seen = watchRequests(page);
  await page.goto('/');
  await expect.poll(() => seen.stream, { timeout: 15_000 }).toBeGreaterThan(0);
  const polledBefore = seen.changes;
  await nextChangeShown(page);
  expect(seen.changes).toBeGreaterThan(polledBefore);
});

test('the embed and the station page keep current by the stream too', async ({ page, request }) => {
  const { system, stations } = await apiStations(request);
  const seen = watchRequests(page);
  await page.goto(`/embed?system=${encodeURIComponent(system.systemId)}`);
  await expect.poll(() => seen.stream, { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(1_000);
  const stationsBefore = seen.stations;
  // Three ttls without a poll of the station list: the map is fed by pushed station events.
  await page.waitForTimeout(system.ttlSeconds * 3 * 1000);
  expect(seen.stations).toBe(stationsBefore);

  const station = stations[0]!;
  await page.goto(`/stations/${encodeURIComponent(system.systemId)}/${encodeURIComponent(station.stationId)}`);
  await expect.poll(() => seen.stream, { timeout: 15_000 }).toBe(2);
});
