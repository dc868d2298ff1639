import { isIP } from 'node:net';

/** Longest key the rate limiter will store for one client, whatever a proxy sent. */
const MAX_KEY_LENGTH = 64;

/**
 * The address a request comes from, as far as it can be trusted: the socket's peer, or with
 * `trustedHops` reverse proxies in front, the address the outermost trusted proxy saw, read from
 * X-Forwarded-For counted from the right (each proxy appends the peer it saw; everything left of
 * that was written by the client and may be forged). With fewer entries than hops, the left-most
 * one, which a trusted proxy wrote; an entry that is not an IP address falls back to the socket.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = normaliseAddress(socketAddress) ?? 'unknown';
  if (trustedHops === 0 || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  const entry = entries[Math.max(0, entries.length - trustedHops)];
  return normaliseAddress(entry) ?? peer;
}

/** The rate limiter's key for an address: IPv6 clients by their /64 (one host usually owns a whole /64). */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address.slice(0, MAX_KEY_LENGTH);
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** An IP address without port, brackets or IPv4-mapped prefix, or null when it is not one. */
export function normaliseAddress(raw: string | undefined): string | null {
  let value = raw?.trim();
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:([\d.]+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const zone = value.indexOf('%');
  if (zone > 0) value = value.slice(0, zone);
  return isIP(value) ? value.toLowerCase() : null;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => (group.includes('.') ? group : group.replace(/^0+(?=.)/, '')));
}
