import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'pg-connection-string';
import { afterAll, describe, expect, it } from 'vitest';
import { asRole, prepareWebDatabase, webRolePassword } from './web-database';

const dir = mkdtempSync(path.join(tmpdir(), 'bikestream-web-password-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('webRolePassword', () => {
  it('generates a long random password on the first start, readable by its owner only, and keeps it', () => {
    const file = path.join(dir, 'fresh', 'web-db-password');

    const first = webRolePassword(undefined, file);
    const second = webRolePassword(undefined, file);

    expect(first.password).toMatch(/^[\w-]{32}$/);
    expect(first.source).toMatch(/^generated/);
    expect(modeOf(file)).toBe(0o600);
    expect(second.password).toBe(first.password);
    expect(second.source).toBe(file);
    expect(webRolePassword(undefined, path.join(dir, 'other')).password).not.toBe(first.password);
  });

  it('tightens a kept file that others could read, and replaces one too short to be a password', () => {
    const loose = path.join(dir, 'loose');
    writeFileSync(loose, 'a-password-kept-from-before\n', { mode: 0o644 });
    expect(webRolePassword(undefined, loose).password).toBe('a-password-kept-from-before');
    expect(modeOf(loose)).toBe(0o600);

    const blank = path.join(dir, 'blank');
    writeFileSync(blank, '\n', { mode: 0o644 });
    const replaced = webRolePassword(undefined, blank).password;
    expect(replaced).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(blank, 'utf8').trim()).toBe(replaced);
    expect(modeOf(blank)).toBe(0o600);
  });

  it('uses WEB_DB_PASSWORD when configured and writes no file', () => {
    const file = path.join(dir, 'unused');
    expect(webRolePassword('configured-password', file)).toEqual({ password: 'configured-password', source: 'WEB_DB_PASSWORD' });
    expect(() => statSync(file)).toThrow();
  });
});

describe('asRole', () => {
  it('swaps the user and password and keeps the rest, whatever characters the password holds', () => {
    const url = asRole('postgres://postgres:admin@db.internal:6432/bikestream?sslmode=verify-full', 'bikestream_web', 'p@ss:w/rd %?#');

    expect(parse(url)).toMatchObject({ user: 'bikestream_web', password: 'p@ss:w/rd %?#', host: 'db.internal', port: '6432', database: 'bikestream', sslmode: 'verify-full' });
  });
});

describe('prepareWebDatabase on the embedded PGlite', () => {
  it('keeps the one superuser session and says the web app may use it', async () => {
    const web = await prepareWebDatabase('postgres://postgres@127.0.0.1:1/postgres', { embedded: true, configured: undefined, passwordFile: path.join(dir, 'never') });

    expect(web.env).toEqual({ ALLOW_SUPERUSER_WEB: '1' });
    expect(web.note).toMatch(/superuser of the embedded PGlite.*ALLOW_SUPERUSER_WEB=1/);
  });
});
