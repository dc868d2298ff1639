import { expect, test } from '@playwright/test';
import { apiChanges, SCREENSHOTS } from './api';

test('a station page shows its availability chart and recent changes', async ({ page, request }) => {
  const [change] = (await apiChanges(request)).changes;
  expect(change, 'the pipeline has produced changes').toBeTruthy();
  await page.goto(`/stations/${change!.systemId}/${change!.stationId}`);
  const chart = page.getByTestId('availability-chart');
  await expect(chart).toBeVisible();
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThan(1);
  await expect(page.getByTestId('station-changes').locator('li').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/station.png`, fullPage: true });
});

test('an unknown station gets the 404 page', async ({ page }) => {
  const response = await page.goto('/stations/bikestream-sim/no-such-station');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found|no station/i);
});
