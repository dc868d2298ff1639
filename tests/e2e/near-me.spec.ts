import { expect, test } from '@playwright/test';

interface PlacedStation {
  stationId: string;
  name: string | null;
  lat: number | null;
  lon: number | null;
}

test.use({ permissions: ['geolocation'] });

test('"Stations near me" lists the nearest station first, and the position never leaves the browser', async ({ page, context, request }) => {
  const { stations } = (await (await request.get('/api/stations')).json()) as { stations: PlacedStation[] };
  const target = stations.filter((station) => station.lat !== null && station.lon !== null && station.name)[7]!;
  // A few metres off the station, so the reader is nearest to it but not exactly on it.
  const position = { latitude: target.lat! + 0.00003, longitude: target.lon! - 0.00004 };
  await context.setGeolocation(position);
  const sent: string[] = [];
  page.on('request', (sentRequest) => sent.push(`${sentRequest.url()} ${sentRequest.postData() ?? ''}`));

  await page.goto('/');
  await page.getByRole('button', { name: 'Stations near me' }).click();
  const listed = page.getByTestId('stations-near-me').getByRole('listitem');
  await expect(listed).toHaveCount(5);
  await expect(listed.first().getByRole('link')).toHaveText(target.name!);
  await expect(listed.first()).toContainText(/\d+ m$/);

  const coordinate = String(position.latitude).slice(0, 7);
  expect(sent.filter((line) => line.includes(coordinate))).toEqual([]);
});
