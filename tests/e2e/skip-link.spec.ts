import { expect, test } from '@playwright/test';

for (const path of ['/', '/stations', '/systems']) {
  test(`on ${path} the first Tab reaches "Skip to content", and Enter moves focus past the header`, async ({ page }) => {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#content')).toBeFocused();
    await expect(page.locator('#content main')).toBeVisible();
    // The next Tab goes on inside the page, not back into the header's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#content')))).toBe(true);
  });
}
