import { classifyAddress, type AddressClass } from './ip-ranges';

/** Which rule refused a URL or an address: named in every refusal so an operator knows what to change. */
export type OutboundRule = 'url' | 'scheme' | 'credentials' | 'host' | 'address' | 'redirects';

export type Verdict = { allowed: true } | { allowed: false; rule: OutboundRule; reason: string };

interface AllowedHost {
  hostname: string;
  /** null: the default port of whichever scheme the URL uses. */
  port: string | null;
}

/** Where URLs that the operator did not write themselves may lead: the configured URL's host, plus a list. */
export interface OutboundPolicy {
  readonly configured: URL;
  readonly allowedHosts: readonly AllowedHost[];
}

const ALLOWED = { allowed: true } as const;
const refuse = (rule: OutboundRule, reason: string): Verdict => ({ allowed: false, rule, reason });

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const effectivePort = (url: URL) => url.port || DEFAULT_PORTS[url.protocol] || '';

/** A URL's hostname without the brackets of an IPv6 literal, as DNS and sockets take it. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

const ALLOWED_HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[^:/?#@[\]\s]+)(?::(\d{1,5}))?$/i;

/** Whether a configured allowed-host entry is a host name or host:port (checked when the environment is read). */
export function isAllowedHostEntry(entry: string): boolean {
  const match = ALLOWED_HOST_ENTRY.exec(entry.trim());
  return match?.[1] !== undefined && URL.canParse(`http://${match[1]}`);
}

function parseAllowedHost(entry: string): AllowedHost {
  const match = ALLOWED_HOST_ENTRY.exec(entry.trim());
  if (!match?.[1] || !isAllowedHostEntry(entry)) throw new Error(`allowed host "${entry}" is not a host name or host:port`);
  return { hostname: new URL(`http://${match[1]}`).hostname, port: match[2] ?? null };
}

/** Allowed hosts are bare host names (default ports) or host:port, as in GBFS_ALLOWED_HOSTS. */
export function createOutboundPolicy(configuredUrl: string, allowedHosts: readonly string[] = []): OutboundPolicy {
  const configured = new URL(configuredUrl);
  if (!(configured.protocol in DEFAULT_PORTS)) throw new Error(`configured URL must be http or https, not ${configured.protocol}`);
  return { configured, allowedHosts: allowedHosts.map(parseAllowedHost) };
}

function sameHost(candidate: URL, configured: URL): boolean {
  if (candidate.hostname !== configured.hostname) return false;
  // Both on their scheme's default port also counts: an http feed may move its files to https.
  return effectivePort(candidate) === effectivePort(configured) || (candidate.port === '' && configured.port === '');
}

function listedHost(candidate: URL, allowed: readonly AllowedHost[]): boolean {
  return allowed.some((entry) => entry.hostname === candidate.hostname && (entry.port === null ? candidate.port === '' : entry.port === effectivePort(candidate)));
}

/**
 * Whether a URL found in a response (a feed link, a redirect's Location) may be requested, before
 * any DNS: https only (http too when the configured URL is http), no user name or password, and the
 * configured URL's host and port unless the host is listed as allowed.
 */
export function checkUrl(policy: OutboundPolicy, candidate: string | URL): Verdict {
  let url: URL;
  try {
    url = typeof candidate === 'string' ? new URL(candidate) : candidate;
  } catch {
    return refuse('url', 'not an absolute URL');
  }
  const httpAllowed = policy.configured.protocol === 'http:';
  if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) {
    return refuse('scheme', httpAllowed ? 'only http and https URLs may be fetched' : 'only https URLs may be fetched, as the configured URL is https');
  }
  if (url.username !== '' || url.password !== '') return refuse('credentials', 'the URL carries a user name or password');
  if (!sameHost(url, policy.configured) && !listedHost(url, policy.allowedHosts)) {
    return refuse('host', "not the configured URL's host and port, and not an allowed host");
  }
  return ALLOWED;
}

/** The address classes a configured URL's own addresses fall in: those stay reachable for it. */
export function trustedClasses(configuredAddresses: readonly string[]): Set<AddressClass> {
  const classes = new Set<AddressClass>();
  for (const address of configuredAddresses) {
    const kind = classifyAddress(address);
    if (kind && kind !== 'public') classes.add(kind);
  }
  return classes;
}

/**
 * Whether a resolved address may be connected to: public ones always, others (private, loopback,
 * link-local, metadata services at 169.254.169.254 ...) only in a class the configured URL itself resolves to.
 */
export function checkAddress(address: string, trusted: ReadonlySet<AddressClass>): Verdict {
  const kind = classifyAddress(address);
  if (kind === null) return refuse('address', 'not an IP address');
  if (kind === 'public' || trusted.has(kind)) return ALLOWED;
  return refuse('address', `resolves to a ${kind} address, and the configured URL does not`);
}
