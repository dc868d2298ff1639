import { expect, test } from '@playwright/test';
import { apiChanges, apiStations, SCREENSHOTS } from './api';

test('the change feed says what caused each change and filters by it', async ({ page }) => {
  await page.goto('/');
  const feed = page.getByTestId('change-feed');
  // The classifier runs every 2 s; a change is classified seconds after it is stored.
  await expect(feed.locator('[data-cause]').first()).toBeVisible({ timeout: 40_000 });
  await page.getByRole('radio', { name: 'Riders only' }).check({ force: true });
  await expect(feed.locator('li').first()).toBeVisible();
  await expect.poll(async () => new Set(await feed.locator('[data-cause]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-cause'))))).toEqual(new Set(['riders']));
  expect(await feed.locator('li').count()).toBe(await feed.locator('[data-cause="riders"]').count());
  await page.getByRole('radio', { name: 'Glitches' }).check({ force: true });
  await expect(feed.locator('[data-cause="riders"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/cause-filter.png` });
});

test('a system page tells how many bikes riders took and trucks moved today', async ({ page, request }) => {
  const { system } = await apiStations(request);
  await page.goto(`/systems/${system.systemId}`);
  const headline = page.getByTestId('activity-headline');
  await expect(headline).toContainText(/Today riders took [\d,]+ bikes and returned [\d,]+; trucks moved [\d,]+\./);
  await expect(page.getByTestId('activity-chart').locator('rect').first()).toBeAttached();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(headline).toContainText('In the last 7 days');
  await page.screenshot({ path: `${SCREENSHOTS}/system-activity.png`, fullPage: true });
});

test('the worst stations table ranks every station by time empty, and the address keeps the order', async ({ page, request }) => {
  // Today's cards are recomputed every 30 s: a station stored after the last pass waits for the next.
  test.setTimeout(90_000);
  const { system, stations } = await apiStations(request);
  await page.goto(`/stations?system=${system.systemId}&sort=empty-minutes&days=1`);
  const table = page.getByTestId('worst-stations');
  await expect(table.locator('tbody tr')).toHaveCount(stations.length, { timeout: 45_000 });
  await page.getByLabel('Sort by').selectOption('rentals');
  await expect(page).toHaveURL(/sort=rentals/);
  const rentals = await table.locator('tbody tr td:nth-child(6)').evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.split(' / ')[0])));
  expect(rentals).toEqual([...rentals].sort((a, b) => b - a));
});

test('a station page has a report card, in Norwegian too', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const [change] = (await apiChanges(request)).changes;
  expect(change, 'the pipeline has produced changes').toBeTruthy();
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  await page.goto(`/stations/${change!.systemId}/${change!.stationId}`);
  const card = page.getByTestId('report-card');
  await expect(card.getByRole('heading', { name: 'Rapportkort' })).toBeVisible();
  await expect(card.locator('[data-figure="riders"] dd')).toHaveText(/^\d+ \/ \d+$/, { timeout: 45_000 });
  await card.getByRole('button', { name: 'Siste 30 dager' }).click();
  await expect(card.getByRole('button', { name: 'Siste 30 dager' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});
