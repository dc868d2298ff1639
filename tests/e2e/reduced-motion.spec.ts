import { expect, test } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

test('with reduced motion asked for, a new change arrives without a flash and nothing pulses', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', /^[1-9]\d*$/, { timeout: 45_000 });
  // An entry that arrived while the page was open is the one that flashes (animate-arrive).
  await expect(page.getByTestId('change-feed').locator('li[data-new]').first()).toBeAttached({ timeout: 60_000 });
  const running = await page.evaluate(() =>
    document.getAnimations().map((animation) => `${animation.constructor.name} ${(animation as CSSAnimation).animationName ?? ''} ${String(animation.effect?.getTiming().duration)}`),
  );
  expect(running).toEqual([]);
});
