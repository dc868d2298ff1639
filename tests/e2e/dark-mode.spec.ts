import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiStations } from './api';

/** Every bit of text in the popup with its colour and the popup's background, as sRGB bytes (any CSS colour syntax). */
async function popupColours(popup: Locator) {
  return popup.evaluate((root) => {
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgb = (css: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const opaqueBackground = (element: Element | null): string => {
      for (let at = element; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
      }
      return 'white';
    };
    const texts = [...root.querySelectorAll('*')].filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()));
    return {
      popup: rgb(opaqueBackground(root)),
      texts: texts.map((element) => ({ text: element.textContent!.trim(), colour: rgb(getComputedStyle(element).color), background: rgb(opaqueBackground(element)) })),
    };
  });
}

const luminance = ([r, g, b]: number[]) => {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
};
const contrast = (a: number[], b: number[]) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

async function expectDarkReadablePopup(page: Page) {
  const popup = page.getByTestId('station-popup');
  await expect(popup).toBeVisible();
  const colours = await popupColours(popup);
  expect(luminance(colours.popup), `popup background rgb(${colours.popup.join(', ')})`).toBeLessThan(0.05);
  const unreadable = colours.texts.filter(({ colour, background }) => contrast(colour, background) < 4.5);
  expect(unreadable).toEqual([]);
  await expect(page.getByTestId('station-map')).toHaveAttribute('data-tiles', 'inverted');
}

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the live view opens a dark popup with readable text, over darkened tiles', async ({ page, request }) => {
    const { stations } = await apiStations(request);
    const name = stations.find((station) => station.name)?.name ?? '';
    await page.goto('/');
    await expect(page.getByTestId('station-map')).toHaveAttribute('data-markers', String(stations.length), { timeout: 45_000 });
    await page.getByRole('combobox', { name: /find a station/i }).fill(name);
    await page.keyboard.press('Enter');
    await expectDarkReadablePopup(page);
  });
});

test('the embed with theme=dark opens a dark popup in a light browser, and theme=light stays light', async ({ page, request }) => {
  const { stations } = await apiStations(request);
  const stationId = stations[0]!.stationId;
  await page.goto(`/embed?theme=dark&station=${encodeURIComponent(stationId)}`);
  await expectDarkReadablePopup(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/embed?theme=light&station=${encodeURIComponent(stationId)}`);
  const popup = page.getByTestId('station-popup');
  await expect(popup).toBeVisible();
  expect(luminance((await popupColours(popup)).popup)).toBeGreaterThan(0.8);
  await expect(page.getByTestId('station-map')).not.toHaveAttribute('data-tiles', /./);
});
