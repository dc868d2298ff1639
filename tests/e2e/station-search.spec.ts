import { expect, test } from '@playwright/test';
import { apiStations } from './api';

test('with the keyboard alone, a station found by name is shown on the map with its popup', async ({ page, request }) => {
  const { stations } = await apiStations(request);
  const name = stations.find((station) => station.name && station.name.length > 3)?.name ?? '';
  await page.goto('/');
  await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 });

  const search = page.getByRole('combobox', { name: /find a station/i });
  for (let tabs = 0; tabs < 20 && !(await search.evaluate((input) => input === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(search).toBeFocused();

  await page.keyboard.type(name.slice(0, 3));
  const options = page.getByRole('listbox', { name: /matching stations/i }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const activeText = () => search.evaluate((input) => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
  for (let steps = 0; steps < 8 && (await activeText()) !== name; steps++) await page.keyboard.press('ArrowDown');
  expect(await activeText()).toBe(name);
  await page.keyboard.press('Enter');

  const popup = page.getByTestId('station-popup');
  await expect(popup).toBeVisible();
  await expect(popup.locator('p').first()).toHaveText(name);
  // The time is the system's, named: a reader in another zone is not misled.
  await expect(popup.locator('time')).toHaveText(/^\d{2}:\d{2}:\d{2} (UTC|GMT[+-]\d+|[A-Z]{3,4})$/);
  await expect(page.getByRole('listbox', { name: /matching stations/i })).toBeHidden();
  // The map moved to the station: its popup sits inside the visible map.
  const map = (await page.getByTestId('station-map').boundingBox())!;
  const shown = (await popup.boundingBox())!;
  expect(shown.x).toBeGreaterThanOrEqual(map.x);
  expect(shown.x + shown.width).toBeLessThanOrEqual(map.x + map.width);
});
