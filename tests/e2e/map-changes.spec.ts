import { expect, test } from '@playwright/test';
import { apiStations, SCREENSHOTS } from './api';

const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

test('a change that arrives flashes at its station on the map, told apart by an arrow, not colour alone', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { stations } = await apiStations(request);
  await page.goto('/');
  await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 });
  // The simulator changes stations every 3 s: one arrives while the page is open.
  const flash = page.locator('.change-flash').first();
  await expect(flash).toBeAttached({ timeout: 30_000 });
  const stationId = (await flash.getAttribute('data-station-id'))!;
  const name = stations.find((station) => station.stationId === stationId)?.name ?? stationId;
  await expect(flash).toHaveText(/^[▲▼]\d+$/);
  await expect(flash).toHaveAttribute('aria-label', new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [+−]\\d+ (bike|bikes|dock|docks)`));

  // Its feed item shows the station on the map; the popup's tip then points where the flash is.
  await page.getByRole('button', { name: `Show ${name} on the map` }).first().click();
  const popup = page.getByTestId('station-popup');
  await expect(popup.locator('p').first()).toHaveText(name);
  const anchor = page.locator(`.change-flash[data-station-id="${stationId}"]`).first().locator('xpath=..');
  await expect
    .poll(async () => {
      const tip = (await page.locator('.leaflet-popup-tip').boundingBox())!;
      const at = (await anchor.boundingBox())!;
      // The tip's point is the station's (the popup sits a few pixels above its marker).
      return Math.abs(centre(tip).x - at.x) <= 2 && at.y - (tip.y + tip.height) >= 0 && at.y - (tip.y + tip.height) <= 16;
    }, { timeout: 10_000 })
    .toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/map-change-flash.png` });
});

test('pointing at a change in the feed rings its station on the map, and the changes layer shows the last minutes', async ({ page, request }) => {
  const { stations } = await apiStations(request);
  const known = new Set(stations.map((station) => station.stationId));
  await page.goto('/');
  await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 });
  const first = page.getByTestId('change-feed').locator('li').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  // New changes push the list down under a resting pointer (the ring rightly follows whatever item is
  // under it), so the item is held as its node and pointed at by keyboard focus, which stays with it.
  const item = (await first.elementHandle())!;
  const href = (await (await item.$('a'))!.getAttribute('href'))!;
  const stationId = decodeURIComponent(href.split('/').at(-1)!);
  await (await item.$('button'))!.focus();
  await expect(page.getByTestId('map-highlight')).toHaveAttribute('data-station-id', stationId);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.getByTestId('map-highlight')).toHaveCount(0);
  // The pointer rings a station too: whichever item is under it by then.
  await first.hover();
  await expect(page.getByTestId('map-highlight')).toBeAttached();

  const toggle = page.getByRole('button', { name: 'Changes, last 15 min', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const marks = page.locator('.change-recent');
  await expect(marks.first()).toBeAttached({ timeout: 15_000 });
  const drawn = await marks.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-station-id')));
  // One mark a station, every one a station the API knows.
  expect(new Set(drawn).size).toBe(drawn.length);
  expect(drawn.every((id) => id !== null && known.has(id))).toBe(true);
  await toggle.click();
  await expect(marks).toHaveCount(0);
});
