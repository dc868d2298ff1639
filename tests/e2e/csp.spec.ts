import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { apiChanges, apiStations } from './api';

type Marked = Window & { __csp?: string[]; __injected?: string; __handler?: string; __control?: string };

const policyOf = (response: APIResponse) => response.headersArray().filter((header) => header.name.toLowerCase() === 'content-security-policy');
const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;

/** Violations the page reports about itself, and the console's CSP errors. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const marked = window as Marked;
      (marked.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => [...console, ...(await page.evaluate(() => (window as Marked).__csp ?? []))];
}

test('every page runs its own scripts under the policy with no violation, and the map and chart still draw', async ({ page, request }) => {
  const { stations } = await apiStations(request);
  // Run first in the suite, this can start before the simulator's first change has gone through.
  await expect.poll(async () => (await apiChanges(request)).changes.length, { message: 'the pipeline has produced changes', timeout: 30_000 }).toBeGreaterThan(0);
  const [change] = (await apiChanges(request)).changes;
  const violations = await watchViolations(page);
  const pages: [string, () => Promise<void>][] = [
    ['/', () => expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 })],
    ['/embed', () => expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 })],
    ['/stations', () => expect(page.getByTestId('station-list').locator('tbody tr')).toHaveCount(stations.length)],
    [
      `/stations/${change!.systemId}/${change!.stationId}`,
      () => expect.poll(async () => Number(await page.getByTestId('availability-chart').getAttribute('data-points'))).toBeGreaterThan(1),
    ],
    ['/systems', () => expect(page.getByRole('main')).toContainText(/stations/i)],
  ];
  for (const [path, drawn] of pages) {
    await page.goto(path);
    await drawn();
    expect(await violations(), path).toEqual([]);
  }
});

test('each HTML response has one policy, with a fresh nonce that the page scripts carry, and never unsafe-inline or unsafe-eval for scripts', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/', '/embed', '/stations', '/systems']) {
    const response = await request.get(path);
    const policies = policyOf(response);
    expect(policies, path).toHaveLength(1);
    const policy = policies[0]!.value;
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'self'");
    const nonce = nonceOf(policy);
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((match) => match[1]);
    expect(scriptNonces.length, path).toBeGreaterThan(0);
    expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
    expect(html.match(/<script\b(?![^>]*\bnonce=)[^>]*>/g) ?? [], `${path}: scripts without the nonce`).toEqual([]);
  }
  expect(nonces.size).toBe(5);
});

test('a script injected into the page without the nonce does not run; one with it does', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/stations',
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const nonce = nonceOf(response.headers()['content-security-policy'] ?? '');
      const injected =
        `<script>window.__injected = 'ran'</script>` +
        `<img src="data:," onerror="window.__handler = 'ran'">` +
        `<script nonce="${nonce}">window.__control = 'ran'</script>`;
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) });
    },
  );
  await page.goto('/stations');
  await expect.poll(() => page.evaluate(() => (window as Marked).__control)).toBe('ran');
  expect(await page.evaluate(() => [(window as Marked).__injected, (window as Marked).__handler])).toEqual([undefined, undefined]);
});
