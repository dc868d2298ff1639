import { expect, test, type Page } from '@playwright/test';
import { pipelineEnv, startPipeline } from '../support/pipeline';
import type { RunningProcess } from '../support/processes';
import { waitFor } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';
import { HOSTILE_STATIONS, HOSTILE_SYSTEM, HOSTILE_TEXT, startHostileFeed } from './hostile-feed';
import { markerPoints } from './map-markers';

// Its own pipeline (feed → producer → Kafka → consumer → PostgreSQL → web) on the suite's broker,
// so the other specs keep their single simulated system.
let database: TestDatabase | undefined;
let feed: Awaited<ReturnType<typeof startHostileFeed>> | undefined;
let workers: { producer: RunningProcess; consumer: RunningProcess } | undefined;
let web: RunningWeb | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const brokers = process.env.E2E_KAFKA_BROKERS;
  if (!brokers) throw new Error('E2E_KAFKA_BROKERS is set by tests/e2e/global-setup.ts');
  database = await createTestDatabase();
  feed = await startHostileFeed();
  // The schema check would flag the javascript: licence URL; what is stored is what the web must show safely.
  const env = pipelineEnv(brokers.split(','), database.url, { GBFS_URL: feed.url, GBFS_SCHEMA_DIR: '/nonexistent/gbfs-schema' });
  workers = startPipeline(env);
  web = await startWeb(env);
  const stationsUrl = `${web.baseUrl}/api/stations?system=${HOSTILE_SYSTEM}`;
  await waitFor('the hostile stations to be stored', async () => (await getJson<{ stations?: unknown[] }>(stationsUrl)).body.stations?.length === HOSTILE_STATIONS.length, 90_000);
});

test.afterAll(async () => {
  await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
  await feed?.close();
  await database?.drop();
});

/** Dialogs opened by any payload; the payloads also record themselves on window.__xss. */
function watchPayloads(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Independent of the CSP (which would also stop a payload): no payload ran, and none became markup. */
async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as Window & { __xss?: string[] }).__xss ?? [])).toEqual([]);
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll('img[src="x"], img[onerror], svg[onload], [onload], [onerror]').length,
    scripts: [...document.scripts].filter((script) => script.textContent?.includes('(window.__xss') && !script.nonce).length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  expect(injected).toEqual({ elements: 0, scripts: 0, javascriptLinks: 0 });
}

async function hoverAndClickEveryMarker(page: Page): Promise<{ tooltips: string[]; popups: string[]; detailsLinks: (string | null)[] }> {
  const map = page.getByTestId('station-map');
  await expect(map).toHaveAttribute('data-markers', String(HOSTILE_STATIONS.length), { timeout: 45_000 });
  const tooltips: string[] = [];
  const popups: string[] = [];
  const detailsLinks: (string | null)[] = [];
  for (let index = 0; index < HOSTILE_STATIONS.length; index += 1) {
    const points = await markerPoints(page);
    expect(points, 'one blob on the canvas per station').toHaveLength(HOSTILE_STATIONS.length);
    const { x, y } = points[index]!;
    await page.mouse.move(x, y);
    const tooltip = page.locator('.leaflet-tooltip');
    await expect(tooltip).toBeVisible();
    tooltips.push((await tooltip.textContent()) ?? '');
    await page.mouse.click(x, y);
    const popup = page.getByTestId('station-popup');
    await expect(popup).toBeVisible();
    popups.push((await popup.locator('p').first().textContent()) ?? '');
    const details = popup.getByRole('link', { name: /station details/i });
    detailsLinks.push(`${await details.getAttribute('target')} ${await details.getAttribute('rel')}`);
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);
    // Off the marker but still over the canvas (the embed is all map), so Leaflet closes the tooltip.
    await page.mouse.move(x + 40, y + 40);
    await expect(tooltip).toHaveCount(0);
  }
  return { tooltips, popups, detailsLinks };
}

const names = HOSTILE_STATIONS.map((station) => station.name);
const startsWithEachName = (texts: string[]) => names.every((name) => texts.some((text) => text.startsWith(`${name}: `)));

test('on the live map every hostile name shows as text in its tooltip, popup and credits, and nothing runs', async ({ page }) => {
  const dialogs = watchPayloads(page);
  await page.goto(`${web!.baseUrl}/?system=${HOSTILE_SYSTEM}`);
  const { tooltips, popups, detailsLinks } = await hoverAndClickEveryMarker(page);
  await expectNothingRan(page, dialogs);
  expect(startsWithEachName(tooltips), tooltips.join(' | ')).toBe(true);
  expect(popups.sort()).toEqual([...names].sort());
  expect(new Set(detailsLinks), 'on the full site, station pages open in place').toEqual(new Set(['null null']));
  await expect(page.getByTestId('map-attribution')).toContainText(`Data: ${HOSTILE_TEXT.operator}`);
  await expect(page.getByRole('main')).toContainText(HOSTILE_TEXT.systemName);
});

test('in the embed too, and its details link opens the full site in a new tab', async ({ page }) => {
  const dialogs = watchPayloads(page);
  await page.goto(`${web!.baseUrl}/embed?system=${HOSTILE_SYSTEM}`);
  const { tooltips, popups, detailsLinks } = await hoverAndClickEveryMarker(page);
  await expectNothingRan(page, dialogs);
  expect(startsWithEachName(tooltips), tooltips.join(' | ')).toBe(true);
  expect(popups.sort()).toEqual([...names].sort());
  expect(new Set(detailsLinks)).toEqual(new Set(['_blank noopener']));
});

test('the station list, a station page and /systems show the names literally', async ({ page }) => {
  const dialogs = watchPayloads(page);
  await page.goto(`${web!.baseUrl}/stations?system=${HOSTILE_SYSTEM}`);
  const list = page.getByTestId('station-list');
  for (const name of names) await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
  await expectNothingRan(page, dialogs);

  await page.goto(`${web!.baseUrl}/stations/${HOSTILE_SYSTEM}/${HOSTILE_STATIONS[0]!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_STATIONS[0]!.name);
  await expect(page.getByRole('main')).toContainText(HOSTILE_TEXT.address);
  expect(await page.title()).toContain(HOSTILE_STATIONS[0]!.name);
  await expectNothingRan(page, dialogs);

  await page.goto(`${web!.baseUrl}/systems`);
  await expect(page.getByRole('main')).toContainText(HOSTILE_TEXT.systemName);
  await expectNothingRan(page, dialogs);
});
