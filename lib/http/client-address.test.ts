import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, normaliseAddress } from './client-address';

describe('clientAddress', () => {
  it('uses the socket and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('::ffff:127.0.0.2', '9.9.9.9', 0)).toBe('127.0.0.2');
  });

  it('takes the right-most entry behind one trusted proxy, whatever the client put to its left', () => {
    expect(clientAddress('10.0.0.1', '1.1.1.1, 2.2.2.2, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', ['1.1.1.1', '203.0.113.7'], 1)).toBe('203.0.113.7');
  });

  it('counts hops from the right, and stops at the left-most entry when there are fewer', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', '203.0.113.7', 3)).toBe('203.0.113.7');
  });

  it('falls back to the socket when the trusted entry is not an address or the header is missing', () => {
    expect(clientAddress('10.0.0.1', 'x'.repeat(5000), 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('normaliseAddress', () => {
  it('strips ports, brackets, zones and the IPv4-mapped prefix', () => {
    expect(normaliseAddress('203.0.113.7:443')).toBe('203.0.113.7');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('<script>')).toBeNull();
  });
});

describe('clientKey', () => {
  it('keys IPv6 by its /64 and IPv4 by the address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
