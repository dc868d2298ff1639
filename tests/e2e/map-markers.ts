import type { Page } from '@playwright/test';

/**
 * The screen points of the markers drawn on the map's canvas, left to right: opaque pixels
 * grouped into blobs. Panning moves them all together, so the order names the same markers.
 */
export async function markerPoints(page: Page, root = '[data-testid="station-map"]'): Promise<{ x: number; y: number }[]> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return [];
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const box = canvas.getBoundingClientRect();
    const blobs: { x: number; y: number; n: number }[] = [];
    for (let y = 0; y < height; y += 2) {
      for (let x = 0; x < width; x += 2) {
        if (data[(y * width + x) * 4 + 3]! < 150) continue;
        const blob = blobs.find((b) => Math.abs(b.x / b.n - x) < 30 && Math.abs(b.y / b.n - y) < 30);
        if (blob) Object.assign(blob, { x: blob.x + x, y: blob.y + y, n: blob.n + 1 });
        else blobs.push({ x, y, n: 1 });
      }
    }
    return blobs
      .map((b) => ({ x: box.left + ((b.x / b.n) * box.width) / width, y: box.top + ((b.y / b.n) * box.height) / height }))
      .sort((a, b) => a.x - b.x);
  }, root);
}
