import { expect, test, type Page } from '@playwright/test';
import { createDatabase, type Database } from '../../lib/db/client';
import type { StationJson } from '../../lib/api/api-types';
import type { StationResponse } from '../../lib/api/station-api-types';
import { upsertStationInformation } from '../../lib/queries/ingest';
import type { StationRecord } from '../../lib/queries/store-records';
import { SCREENSHOTS } from './api';

/** Set on the page's window; a reload starts a new window without it. */
type SameDocumentMark = Window & { __sameDocument?: boolean };

const header = (page: Page) => page.locator('header').first();

test.describe('a browser that asks for Norwegian', () => {
  test.use({ locale: 'nb-NO' });

  test('gets the site in Bokmål, with <html lang="nb">', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(header(page).getByRole('link', { name: 'Stasjoner' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Siste endringer' })).toBeVisible();
    await expect(page.getByTestId('system-totals')).toContainText(/ledige låser/i);
    await expect(page.getByTestId('freshness')).toContainText(/oppdatert for .* siden/);
    await expect(page.getByRole('link', { name: 'Hopp til innholdet' })).toBeAttached();
    await expect(page.getByTestId('map-legend')).toContainText('Tegnforklaring');
    await expect(page).toHaveTitle(/bysykler i sanntid/);
    await page.screenshot({ path: `${SCREENSHOTS}/home-nb.png`, fullPage: true });
  });

  test('switches to English from the header without a reload, and keeps English after one', async ({ page }) => {
    await page.goto('/stations');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('searchbox', { name: 'Søk etter stasjon' })).toBeVisible();
    await page.evaluate(() => {
      (window as SameDocumentMark).__sameDocument = true;
    });

    const languages = header(page).getByRole('group', { name: /språk/i });
    await expect(languages.getByRole('button', { name: 'Norsk' })).toHaveAttribute('aria-pressed', 'true');
    // By keyboard: the switch is two ordinary buttons.
    await languages.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('searchbox', { name: 'Search stations' })).toBeVisible();
    await expect(header(page).getByRole('link', { name: 'Stations' })).toBeVisible();
    await expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => (window as SameDocumentMark).__sameDocument)).toBe(true);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('searchbox', { name: 'Search stations' })).toBeVisible();
    await page.goto('/systems');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Systems · feed health');

    await header(page).getByRole('button', { name: 'Norsk' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Systemer · status for datakildene');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  });
});

test.describe('station names in Norwegian order', () => {
  // Names the simulator does not make: five of its stations take them for this test and get their own back after.
  // The last five, since systems.spec.ts counts the renames of the first named station.
  const NAMES = ['Aker brygge (e2e)', 'Zoologisk museum (e2e)', 'Ælvegata (e2e)', 'Ørkenveien (e2e)', 'Åsengata (e2e)'];
  let db: Database;
  let originals: StationRecord[] = [];

  test.beforeAll(async ({ request }) => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error('E2E_DATABASE_URL is set by global-setup');
    db = createDatabase(url, { max: 1 });
    const { system, stations } = (await (await request.get('/api/stations')).json()) as { system: { systemId: string }; stations: StationJson[] };
    const chosen = stations.filter((station) => station.name !== null && station.lat !== null && station.lon !== null).slice(-NAMES.length);
    originals = await Promise.all(
      chosen.map(async ({ stationId }) => {
        const { station } = (await (await request.get(`/api/stations/${encodeURIComponent(system.systemId)}/${encodeURIComponent(stationId)}`)).json()) as StationResponse;
        return { systemId: system.systemId, stationId, name: station.name!, address: station.address, lat: station.lat!, lon: station.lon!, capacity: station.capacity, seenAt: new Date() };
      }),
    );
    // Given in reverse, so an unsorted table could not pass by keeping the order they were written in.
    const renamed = originals.map((original, index) => ({ ...original, name: NAMES[NAMES.length - 1 - index]! }));
    await upsertStationInformation(db, renamed);
  });

  test.afterAll(async () => {
    if (originals.length > 0) await upsertStationInformation(db, originals.map((original) => ({ ...original, seenAt: new Date() })));
    await db.$client.end();
  });

  const shownOrder = async (page: Page) => {
    const names = await page.getByTestId('station-list').locator('tbody th a').allTextContents();
    return names.filter((name) => NAMES.includes(name));
  };

  for (const locale of ['en-US', 'nb-NO']) {
    test.describe(`in a ${locale} browser`, () => {
      test.use({ locale });

      test('the stations table puts Æ, Ø and Å after Z, in both directions', async ({ page }) => {
        await page.goto('/stations');
        await expect.poll(() => shownOrder(page)).toEqual(NAMES);
        await page.getByTestId('station-list').locator('thead button').first().click();
        await expect.poll(() => shownOrder(page)).toEqual([...NAMES].reverse());
      });
    });
  }

  test('the map search lists matches in the same order', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: /find a station/i }).fill('(e2e)');
    const options = page.getByRole('listbox', { name: /matching stations/i }).getByRole('option');
    await expect(options).toHaveText(NAMES);
  });
});

test.describe('hostile language headers', () => {
  const HOSTILE = '"><script>alert(1)</script>';

  test('a forged Accept-Language and cookie get English and a 200, and are not written into the page', async ({ request }) => {
    const forged: Record<string, string>[] = [
      { 'accept-language': `nb${HOSTILE}` },
      { 'accept-language': `${'de-DE,'.repeat(2_000)}nb` },
      { 'accept-language': 'nb;q=5, sv' },
      { cookie: `lang=${encodeURIComponent(HOSTILE)}` },
      { cookie: `lang=${'nb'.repeat(2_000)}`, 'accept-language': 'sv-SE' },
    ];
    for (const headers of forged) {
      for (const path of ['/', '/stations', '/embed']) {
        const response = await request.get(path, { headers });
        expect(response.status(), `${path} with ${JSON.stringify(headers).slice(0, 80)}`).toBe(200);
        const html = await response.text();
        expect(html).toContain('<html lang="en"');
        expect(html).not.toContain('<script>alert(1)</script>');
      }
    }
  });

  test('a browser carrying a forged cookie reads English', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'lang', value: encodeURIComponent(HOSTILE), url: baseURL! }]);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Latest changes' })).toBeVisible();
  });
});

test('a site owner can fix the embed’s language with ?lang=', async ({ page }) => {
  await page.goto('/embed?lang=nb');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', /stasjonskart i sanntid/);
  await expect(page.getByTestId('map-legend')).toContainText('Tegnforklaring');
  await page.goto('/embed?lang=xx');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('map-legend')).toContainText('Legend');
});
