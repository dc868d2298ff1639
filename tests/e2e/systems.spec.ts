import { expect, test } from '@playwright/test';
import { createDatabase, type Database } from '../../lib/db/client';
import type { StationJson, SystemsResponse } from '../../lib/api/api-types';
import { upsertStationInformation } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { SCREENSHOTS } from './api';

// Runs after the other specs (files run in name order): it adds a vanished station to the shared system.
let db: Database;

test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is set by global-setup');
  db = createDatabase(url, { max: 1 });
});

test.afterAll(async () => {
  await db.$client.end();
});

test('the systems page shows each feed’s version, age against its ttl, schema check and reporting stations', async ({ page, request }) => {
  const { systems } = (await (await request.get('/api/systems')).json()) as SystemsResponse;
  const system = systems[0]!;
  await page.goto('/systems');
  await expect(page.getByRole('link', { name: 'Systems' })).toHaveAttribute('aria-current', 'page');
  const card = page.locator(`[data-testid="system-health"][data-system-id="${system.systemId}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('gbfs-version')).toHaveText(system.health.gbfsVersion ?? '1.x (none declared)');
  await expect(card.getByTestId('feed-age')).toContainText(`ttl ${system.ttlSeconds} s`);
  await expect(card.getByTestId('feed-age')).toHaveText(/(\d+ s|\d+ min) old/);
  await expect(card.getByTestId('stations-reporting')).toContainText(`${system.health.stationsReporting} reporting`);
  await expect(card.getByTestId('schema-check')).toContainText(system.health.schemaCheck.label);
  await expect(card.getByTestId('feed-problem')).toHaveCount(system.health.problems.length);
  await page.screenshot({ path: `${SCREENSHOTS}/systems.png`, fullPage: true });
});

test('a renamed station shows its history, and a vanished one is marked not reporting on its page, in the list and on /systems', async ({ page, request }) => {
  const { system, stations } = (await (await request.get('/api/stations')).json()) as { system: { systemId: string }; stations: StationJson[] };
  const target = stations.find((station) => station.name !== null && station.lat !== null)!;
  const systemId = system.systemId;
  const now = new Date();
  const info = { systemId, stationId: target.stationId, name: `${target.name} (renamed)`, address: null, lat: target.lat!, lon: target.lon!, capacity: target.capacity, seenAt: now };
  await upsertStationInformation(db, [info]);

  await page.goto(`/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(target.stationId)}`);
  const history = page.getByTestId('station-history');
  await expect(history).toBeVisible();
  await expect(history.locator('[data-kind="renamed"]')).toContainText(`Renamed from ${target.name} on`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.name);

  // A station that left the feed two hours ago: its last report stays, and so does its history.
  const ghost = { systemId, stationId: 'e2e-vanished', name: 'Vanished Quay', address: null, lat: target.lat!, lon: target.lon!, capacity: 12, seenAt: new Date(now.getTime() - 3 * 3600_000) };
  const lastReport = { systemId, stationId: ghost.stationId, reportedAt: new Date(now.getTime() - 2 * 3600_000), bikes: 3, ebikes: 0, docks: 9, isInstalled: true, isRenting: true, isReturning: true };
  await upsertStationInformation(db, [ghost]);
  await db.transaction((tx) => storeStationStatuses(tx, [lastReport]));

  await page.goto(`/stations/${encodeURIComponent(systemId)}/${ghost.stationId}`);
  await expect(page.getByTestId('station-reporting')).toHaveAttribute('data-reporting', 'false');
  await expect(page.getByTestId('station-reporting')).toContainText('Not reporting since');
  await expect(page.getByTestId('station-history')).toContainText('In the feed since');

  await page.goto(`/stations?system=${encodeURIComponent(systemId)}`);
  const row = page.locator(`tr[data-station-id="${ghost.stationId}"]`);
  await expect(row).toHaveAttribute('data-reporting', 'false');
  await expect(row.getByTestId('not-reporting')).toContainText('Not reporting since');
  await expect(page.locator(`tr[data-station-id="${target.stationId}"]`)).toHaveAttribute('data-reporting', 'true');

  await page.goto(`/?system=${encodeURIComponent(systemId)}`);
  await expect(page.getByTestId('map-legend')).toContainText('not reporting');
  await expect(page.getByTestId('map-legend').locator('[data-level="not-reporting"]')).toBeVisible();

  await page.goto('/systems');
  await expect(page.locator(`[data-system-id="${systemId}"]`).getByTestId('stations-reporting')).toContainText('1 not reporting');
  await page.screenshot({ path: `${SCREENSHOTS}/systems-not-reporting.png`, fullPage: true });
});
