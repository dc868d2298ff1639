import { isIPv4, isIPv6 } from 'node:net';

/** What an address is for; only 'public' is reachable without the configured URL vouching for the class. */
export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'carrier-grade-nat'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

type Range4 = [base: string, bits: number, kind: AddressClass];

// Everything not listed is public. Later, narrower entries never overlap earlier ones.
const IPV4_RANGES: Range4[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade-nat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

const PARSED_IPV4_RANGES = IPV4_RANGES.map(([base, bits, kind]) => ({ base: ipv4ToNumber(base), size: 2 ** (32 - bits), kind }));

function classifyIpv4Number(value: number): AddressClass {
  const range = PARSED_IPV4_RANGES.find(({ base, size }) => value >= base && value < base + size);
  return range?.kind ?? 'public';
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, an embedded dotted quad folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const value = ipv4ToNumber(dotted);
    text = `${text.slice(0, -dotted.length)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const embeddedIpv4 = (high: number, low: number) => high * 65536 + low;

function classifyIpv6(groups: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0) return g7 === 0 ? 'unspecified' : g7 === 1 ? 'loopback' : 'reserved';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d): the IPv4 address is what is reached.
  if (firstFiveZero && g5 === 0xffff) return classifyIpv4Number(embeddedIpv4(g6, g7));
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return classifyIpv4Number(embeddedIpv4(g6, g7));
  if (firstFiveZero) return 'reserved';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that a gateway would reach for us.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIpv4Number(embeddedIpv4(g6, g7));
  if (g0 === 0x2002) return classifyIpv4Number(embeddedIpv4(g1, g2));
  if (g0 >= 0xff00) return 'multicast';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  // Inside global unicast 2000::/3: IETF protocol assignments (Teredo among them), documentation.
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x3fff && g1 < 0x1000) return 'reserved';
  return 'public';
}

/** The class of an IP address, or null when the text is not an IP address. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classifyIpv4Number(ipv4ToNumber(bare));
  if (isIPv6(bare)) return classifyIpv6(ipv6Groups(bare));
  return null;
}
