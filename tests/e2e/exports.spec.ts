import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parquetMetadata } from 'hyparquet';
import { apiChanges, apiStations } from './api';

async function download(page: Page, format: 'csv' | 'parquet'): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${format}`).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function downloadCsv(page: Page): Promise<{ name: string; text: string }> {
  const { name, bytes } = await download(page, 'csv');
  return { name, text: bytes.toString('utf8') };
}

const rangeDays = (href: string | null) => {
  const query = new URL(href ?? '', 'http://x').searchParams;
  return (Date.parse(query.get('to') ?? '') - Date.parse(query.get('from') ?? '')) / 86_400_000;
};

test("a station page downloads the chart's range as CSV and Parquet, each naming its time zone and licence", async ({ page, request }) => {
  // This file may run first, seconds after the pipeline started.
  await expect.poll(async () => (await apiChanges(request)).changes.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const [change] = (await apiChanges(request)).changes;
  await page.goto(`/stations/${change!.systemId}/${change!.stationId}`);
  const link = page.getByTestId('download-csv');
  await expect(link).toBeVisible();
  expect(rangeDays(await link.getAttribute('href'))).toBeCloseTo(1, 3);
  const { name, text } = await downloadCsv(page);
  expect(name).toMatch(/^bikestream-[A-Za-z0-9._-]+-station-history\.csv$/);
  expect(text).toMatch(/^# bikestream export: station history\r\n/);
  expect(text).toMatch(/\r\n# time zone: [A-Za-z_/+-]+\r\n/);
  expect(text).toMatch(/\r\n# licence: .+\r\n/);
  expect(text).toContain('\r\nreported_at,bikes,ebikes,docks,is_installed,is_renting,is_returning\r\n');
  const rows = Number(/# rows: (\d+)\r\n$/.exec(text)?.[1]);
  expect(rows).toBeGreaterThan(0);

  const parquet = await download(page, 'parquet');
  expect(parquet.name).toBe(name.replace(/\.csv$/, '.parquet'));
  const metadata = parquetMetadata(new Uint8Array(parquet.bytes));
  const keys = Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value]));
  expect(keys['time zone']).toBe(/\r\n# time zone: (.+)\r\n/.exec(text)?.[1]);
  expect(Number(metadata.num_rows)).toBeGreaterThan(0);

  await page.getByRole('button', { name: '7 days', exact: true }).click();
  await expect.poll(async () => rangeDays(await link.getAttribute('href'))).toBeCloseTo(7, 3);
});

test.describe('in Norwegian', () => {
  test.use({ locale: 'nb-NO' });

  test("a system page downloads the activity panel's range of changes as CSV", async ({ page, request }) => {
    const { system } = await apiStations(request);
    await page.goto(`/systems/${system.systemId}`);
    await expect(page.getByTestId('download-links')).toContainText('Last ned tidsrommet som vises');
    const { name, text } = await downloadCsv(page);
    expect(name).toBe(`bikestream-${system.systemId}-changes.csv`);
    expect(text).toContain('\r\nreported_at,station_id,station_name,prev_reported_at,bikes,prev_bikes,ebikes,prev_ebikes,docks,prev_docks,cause\r\n');
    expect(Number(/# rows: (\d+)\r\n$/.exec(text)?.[1])).toBeGreaterThan(0);
  });
});
