import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { SCREENSHOTS } from './api';

let otherOrigin: Server;
let otherUrl = '';

test.beforeAll(async ({ baseURL }) => {
  otherOrigin = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><title>a news site</title>
      <iframe id="embed" src="${baseURL}/embed" width="600" height="400"></iframe>
      <iframe id="home" src="${baseURL}/" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve));
  const address = otherOrigin.address();
  otherUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => otherOrigin.close(resolve));
});

test('/embed renders inside an iframe on another origin, and / does not', async ({ page }) => {
  await page.goto(otherUrl);
  const embed = page.frameLocator('#embed');
  await expect(embed.getByTestId('station-map')).toBeVisible();
  await expect(embed.getByTestId('station-map')).toHaveAttribute('data-markers', /^[1-9]\d*$/, { timeout: 45_000 });
  await page.waitForTimeout(2_000);
  await expect(page.frameLocator('#home').getByTestId('change-feed')).toHaveCount(0);
  await expect(page.frameLocator('#home').locator('body')).not.toContainText(/bikes/i);
});

test('the framing headers allow only /embed', async ({ request }) => {
  const embed = await request.get('/embed');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  const home = await request.get('/');
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of /embed (${theme})`, async ({ page }) => {
    await page.goto(`/embed?theme=${theme}`);
    await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', /^[1-9]\d*$/, { timeout: 45_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/embed-${theme}.png` });
  });
}
