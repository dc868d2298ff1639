import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy, tileOrigins } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('pageContentSecurityPolicy', () => {
  it('allows scripts only by nonce, never inline or eval, and no plugins, base or foreign forms', () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: 'abc', embeddable: false, imageOrigins: [] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
  });

  it('lets any site frame the embed, and draws tiles from the configured origins', () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: 'abc', embeddable: true, imageOrigins: ['https://*.tile.openstreetmap.org'] }));
    expect(policy.get('frame-ancestors')).toEqual(['*']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https://*.tile.openstreetmap.org']);
  });
});

describe('newNonce', () => {
  it('is fresh each time and in the form Next.js reads from the policy', () => {
    const [first, second] = [newNonce(), newNonce()];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('tileOrigins', () => {
  it('turns tile URL templates into host sources', () => {
    expect(
      tileOrigins(['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tiles.example.com:8443/dark/{z}/{x}/{y}.png?key=1', 'https://{s}.tile.openstreetmap.org/x', null]),
    ).toEqual(['https://*.tile.openstreetmap.org', 'https://tiles.example.com:8443']);
  });

  it('leaves out what cannot be a source rather than widening the policy', () => {
    expect(tileOrigins(['/tiles/{z}/{x}/{y}.png', 'https://a.{s}.example.com/{z}', 'javascript:alert(1)'])).toEqual([]);
  });
});
