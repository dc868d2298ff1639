import { expect, test } from '@playwright/test';
import { apiChanges } from './api';

test('a station page offers its Atom feed to feed readers in the head, and a visible link that opens it', async ({ page, request }) => {
  const [change] = (await apiChanges(request)).changes;
  expect(change, 'the pipeline has produced changes').toBeTruthy();
  const stationPath = `/stations/${encodeURIComponent(change!.systemId)}/${encodeURIComponent(change!.stationId)}`;
  await page.goto(stationPath);
  const inHead = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(inHead).toHaveCount(1);
  await expect(inHead).toHaveAttribute('href', `${stationPath}/feed.xml`);
  const link = page.getByTestId('atom-feed-link');
  await expect(link).toHaveText('Follow when this station is empty or full (Atom feed)');
  const feed = await request.get((await link.getAttribute('href'))!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain(`<link rel="alternate" href="${stationPath}" type="text/html"/>`);
});

test.describe('a browser that asks for Norwegian', () => {
  test.use({ locale: 'nb-NO' });

  test('gets the system page\'s feed link in Bokmål, pointing at the Bokmål feed', async ({ page, request }) => {
  const [change] = (await apiChanges(request)).changes;
  await page.goto(`/systems/${encodeURIComponent(change!.systemId)}`);
  await expect(page.getByTestId('atom-feed-link')).toHaveText('Følg når stasjoner er tomme eller fulle (Atom-feed)');
  // Next streams this page's metadata after its loading state, into the body (README, Atom feeds).
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `/systems/${encodeURIComponent(change!.systemId)}/feed.xml?lang=nb`);
});
});
