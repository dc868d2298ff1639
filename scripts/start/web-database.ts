import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setRolePasswords } from '../../lib/db/role-passwords';

export const WEB_ROLE = 'bikestream_web';
const MIN_KEPT_LENGTH = 16;

export interface WebDatabase {
  /** What the web child's environment gets on top of the workers'. */
  env: Record<string, string>;
  /** One line for the start output. */
  note: string;
}

function keptPassword(file: string): string | undefined {
  try {
    const kept = readFileSync(file, 'utf8').trim();
    return kept.length >= MIN_KEPT_LENGTH ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** WEB_DB_PASSWORD, else the one generated on the first start and kept in `file`, readable by its owner only. */
export function webRolePassword(configured: string | undefined, file: string): { password: string; source: string } {
  if (configured !== undefined) return { password: configured, source: 'WEB_DB_PASSWORD' };
  const kept = keptPassword(file);
  const password = kept ?? randomBytes(24).toString('base64url');
  if (kept === undefined) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  }
  // The mode given to writeFileSync only applies to a new file.
  chmodSync(file, 0o600);
  return { password, source: kept === undefined ? `generated, kept in ${file}` : file };
}

export function asRole(url: string, role: string, password: string): string {
  const target = new URL(url);
  target.username = role;
  // The setter leaves '%' as it is, and node-postgres decodes what it reads: encode it all first.
  target.password = encodeURIComponent(password);
  return target.toString();
}

const isPermissionDenied = (error: unknown) => (error as { code?: unknown }).code === '42501';

/**
 * The web app only reads, so it connects as the read-only role the migrations create, with the
 * password set here. PGlite's socket gives every client the one superuser session, so on the
 * embedded fallback the web app stays the superuser and is told that this is allowed.
 */
export async function prepareWebDatabase(url: string, options: { embedded: boolean; configured: string | undefined; passwordFile: string }): Promise<WebDatabase> {
  if (options.embedded) {
    return { env: { ALLOW_SUPERUSER_WEB: '1' }, note: 'web: reads as the superuser of the embedded PGlite, which has no separate roles (ALLOW_SUPERUSER_WEB=1)' };
  }
  const { password, source } = webRolePassword(options.configured, options.passwordFile);
  try {
    await setRolePasswords(url, { web: password });
  } catch (error) {
    // A configured password may have been set by whoever manages the roles, when DATABASE_URL's user may not.
    if (!(options.configured !== undefined && isPermissionDenied(error))) throw error;
  }
  return { env: { DATABASE_URL: asRole(url, WEB_ROLE, password) }, note: `web: reads as the read-only role ${WEB_ROLE} (password: ${source})` };
}
