import { describe, expect, it } from 'vitest';
import { checkAddress, checkUrl, createOutboundPolicy, isAllowedHostEntry, trustedClasses, type OutboundRule } from './outbound-policy';

const HTTPS_FEED = 'https://gbfs.example.com/oslo/gbfs.json';
const HTTP_FEED = 'http://127.0.0.1:8181/gbfs.json';

function ruleOf(configured: string, candidate: string, allowedHosts: string[] = []): OutboundRule | null {
  const verdict = checkUrl(createOutboundPolicy(configured, allowedHosts), candidate);
  return verdict.allowed ? null : verdict.rule;
}

describe('checkUrl', () => {
  it.each([
    ['same host and path family', 'https://gbfs.example.com/oslo/station_status.json'],
    ['same host, explicit default port', 'https://gbfs.example.com:443/oslo/station_status.json'],
    ['same host in other case', 'https://GBFS.Example.COM/x.json'],
    ['same host with a query', 'https://gbfs.example.com/x.json?key=1'],
  ])('allows %s on an https feed', (_name, candidate) => {
    expect(ruleOf(HTTPS_FEED, candidate)).toBeNull();
  });

  it.each([
    ['http on an https feed', 'http://gbfs.example.com/x.json', 'scheme'],
    ['file:', 'file:///etc/passwd', 'scheme'],
    ['ftp:', 'ftp://gbfs.example.com/x.json', 'scheme'],
    ['data:', 'data:application/json,{}', 'scheme'],
    ['gopher:', 'gopher://gbfs.example.com:70/_x', 'scheme'],
    ['a user name', 'https://admin@gbfs.example.com/x.json', 'credentials'],
    ['a user and password', 'https://a:b@gbfs.example.com/x.json', 'credentials'],
    ['another host', 'https://evil.example.net/x.json', 'host'],
    ['a subdomain', 'https://a.gbfs.example.com/x.json', 'host'],
    ['a suffix trick', 'https://gbfs.example.com.evil.net/x.json', 'host'],
    ['another port', 'https://gbfs.example.com:8443/x.json', 'host'],
    ['the metadata address', 'https://169.254.169.254/latest/meta-data/', 'host'],
    ['loopback', 'https://127.0.0.1/x.json', 'host'],
    ['a relative URL', '/x.json', 'url'],
    ['garbage', 'not a url', 'url'],
  ])('refuses %s on an https feed', (_name, candidate, rule) => {
    expect(ruleOf(HTTPS_FEED, candidate)).toBe(rule);
  });

  it('allows http and https on the same host and port when the configured URL is http (the simulator)', () => {
    expect(ruleOf(HTTP_FEED, 'http://127.0.0.1:8181/station_status.json')).toBeNull();
    expect(ruleOf(HTTP_FEED, 'https://127.0.0.1:8181/station_status.json')).toBeNull();
  });

  it.each([
    ['a second local port', 'http://127.0.0.1:8182/station_status.json'],
    ['the default port', 'http://127.0.0.1/station_status.json'],
    ['localhost for 127.0.0.1', 'http://localhost:8181/station_status.json'],
    ['another loopback address', 'http://127.0.0.2:8181/station_status.json'],
    ['IPv6 loopback', 'http://[::1]:8181/station_status.json'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses %s on an http feed at 127.0.0.1:8181', (_name, candidate) => {
    expect(ruleOf(HTTP_FEED, candidate)).toBe('host');
  });

  it('counts an integer or hex spelling of the host as the address it means', () => {
    expect(ruleOf(HTTP_FEED, 'http://2130706433:8181/x.json')).toBeNull();
    expect(ruleOf(HTTP_FEED, 'http://0x7f.0.0.1:8181/x.json')).toBeNull();
    expect(ruleOf(HTTPS_FEED, 'https://0xa9.254.169.254/')).toBe('host');
  });

  it('lets an http feed on a default port move to https on the same host, and nothing else', () => {
    expect(ruleOf('http://feeds.example.org/gbfs.json', 'https://feeds.example.org/x.json')).toBeNull();
    expect(ruleOf('http://feeds.example.org/gbfs.json', 'https://feeds.example.org:8443/x.json')).toBe('host');
    expect(ruleOf('http://feeds.example.org:8080/gbfs.json', 'https://feeds.example.org/x.json')).toBe('host');
  });

  it('allows a listed host on its scheme’s default port, or on the port the entry names', () => {
    const allowed = ['cdn.example.net', 'files.example.org:8443', '[::1]:9000'];
    expect(ruleOf(HTTPS_FEED, 'https://cdn.example.net/x.json', allowed)).toBeNull();
    expect(ruleOf(HTTPS_FEED, 'https://CDN.example.net:443/x.json', allowed)).toBeNull();
    expect(ruleOf(HTTPS_FEED, 'https://cdn.example.net:8443/x.json', allowed)).toBe('host');
    expect(ruleOf(HTTPS_FEED, 'https://files.example.org:8443/x.json', allowed)).toBeNull();
    expect(ruleOf(HTTPS_FEED, 'https://files.example.org/x.json', allowed)).toBe('host');
    expect(ruleOf(HTTPS_FEED, 'https://[::1]:9000/x.json', allowed)).toBeNull();
    expect(ruleOf(HTTPS_FEED, 'https://x.cdn.example.net/x.json', allowed)).toBe('host');
  });

  it('keeps the scheme and credential rules for listed hosts', () => {
    expect(ruleOf(HTTPS_FEED, 'http://cdn.example.net/x.json', ['cdn.example.net'])).toBe('scheme');
    expect(ruleOf(HTTPS_FEED, 'https://u:p@cdn.example.net/x.json', ['cdn.example.net'])).toBe('credentials');
  });

  it.each(['http://cdn.example.net', 'cdn.example.net/path', 'user@cdn.example.net', 'cdn.example.net:port', ''])('refuses the allowed-host entry %j at start', (entry) => {
    expect(() => createOutboundPolicy(HTTPS_FEED, [entry])).toThrow(/allowed host/);
  });

  it('tells a usable allowed-host entry from one that is not', () => {
    expect(['cdn.example.net', 'files.example.org:8443', '10.0.0.5', '[::1]:9000', 'xn--bcher-kva.example'].every(isAllowedHostEntry)).toBe(true);
    expect(['https://cdn.example.net', 'cdn.example.net/x', 'a b', 'u@h', 'h:', 'h:abc', ''].some(isAllowedHostEntry)).toBe(false);
  });

  it('refuses a configured URL that is not http or https', () => {
    expect(() => createOutboundPolicy('file:///etc/gbfs.json')).toThrow(/http or https/);
  });

  it('names the rule and says nothing of the refused URL', () => {
    const verdict = checkUrl(createOutboundPolicy(HTTPS_FEED), 'https://evil.example.net/secret');
    expect(verdict).toEqual({ allowed: false, rule: 'host', reason: "not the configured URL's host and port, and not an allowed host" });
  });
});

describe('checkAddress', () => {
  const none = new Set<never>();

  it.each(['8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(checkAddress(address, none)).toEqual({ allowed: true });
  });

  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '127.0.0.1',
    '::1',
    '169.254.169.254',
    'fe80::1',
    'fc00::1',
    'fd00::1',
    '100.64.0.1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    'ff02::1',
    '240.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
  ])('refuses %s when the configured URL resolves to a public address', (address) => {
    const verdict = checkAddress(address, trustedClasses(['93.184.216.34']));
    expect(verdict.allowed ? null : verdict.rule).toBe('address');
  });

  it('allows the class the configured URL itself resolves to, and only that class', () => {
    const loopback = trustedClasses(['127.0.0.1', '::1']);
    expect(checkAddress('127.0.0.1', loopback).allowed).toBe(true);
    expect(checkAddress('::ffff:127.0.0.1', loopback).allowed).toBe(true);
    expect(checkAddress('169.254.169.254', loopback)).toEqual({ allowed: false, rule: 'address', reason: 'resolves to a link-local address, and the configured URL does not' });
    expect(checkAddress('10.0.0.1', loopback).allowed).toBe(false);

    const privateNetwork = trustedClasses(['10.1.2.3']);
    expect(checkAddress('192.168.0.9', privateNetwork).allowed).toBe(true);
    expect(checkAddress('127.0.0.1', privateNetwork).allowed).toBe(false);
  });

  it('refuses text that is not an address', () => {
    expect(checkAddress('localhost', new Set()).allowed).toBe(false);
  });
});
