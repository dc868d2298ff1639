import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needsBuild } from './build-check';

const BUILT_AT = new Date('2026-01-01T12:00:00Z');
const LATER = new Date('2026-01-01T12:05:00Z');
const made: string[] = [];
const tempRoot = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'build-check-'));
  made.push(root);
  return root;
};
afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A checkout built at BUILT_AT whose sources are all older than the build. */
function builtCheckout(): string {
  const root = tempRoot();
  const earlier = new Date('2026-01-01T11:00:00Z');
  for (const file of ['app/page.tsx', 'pages/api/legacy.ts', 'server/index.ts', 'workers/producer/index.ts', 'next.config.mjs']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
    utimesSync(path.join(root, file), earlier, earlier);
  }
  mkdirSync(path.join(root, '.next'));
  writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
  utimesSync(path.join(root, '.next', 'BUILD_ID'), BUILT_AT, BUILT_AT);
  return root;
}

function touch(root: string, file: string) {
  utimesSync(path.join(root, file), LATER, LATER);
}

describe('needsBuild', () => {
  it('builds when there is no build, and not when every source is older than it', () => {
    const root = builtCheckout();
    expect(needsBuild(root)).toBe(false);
    expect(needsBuild(tempRoot())).toBe(true);
  });

  it.each(['app/page.tsx', 'pages/api/legacy.ts', 'next.config.mjs'])('rebuilds after %s changes', (file) => {
    const root = builtCheckout();
    touch(root, file);
    expect(needsBuild(root)).toBe(true);
  });

  it.each(['server/index.ts', 'workers/producer/index.ts'])('does not rebuild for %s, which runs from source', (file) => {
    const root = builtCheckout();
    touch(root, file);
    expect(needsBuild(root)).toBe(false);
  });
});
