import type { SystemInfo } from '../../lib/gbfs/types';

/** For feeds without system_information: an id and name made from the feed's URL. */
export function fallbackSystem(feedUrl: string): SystemInfo {
  const url = new URL(feedUrl);
  const path = url.pathname.replace(/\/?gbfs(\.json)?$/, '').replace(/^\//, '');
  const slug = `${url.hostname}${path ? `-${path}` : ''}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { systemId: slug || 'unknown', name: path || url.hostname, timezone: 'UTC', language: null, operator: null, licenseUrl: null };
}
