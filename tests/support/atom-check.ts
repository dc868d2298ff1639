import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ParsedEntry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  links: { rel: string; href: string }[];
}

export interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  lang: string;
  links: { rel: string; href: string; type?: string }[];
  entries: ParsedEntry[];
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
// RFC 3339 date-time (RFC 4287 §3.3): full date, 'T', time, seconds fraction optional, Z or an offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// An IRI has a scheme (RFC 3987 §2.2): letters, digits, + - . then a colon.
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string => (typeof value === 'object' && value !== null && '#text' in value ? String((value as { '#text': unknown })['#text']) : String(value ?? ''));

function fail(message: string): never {
  throw new Error(`not valid Atom: ${message}`);
}

function checkDate(where: string, value: string) {
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) fail(`${where} updated \`${value}\` is not an RFC 3339 date`);
}

/**
 * Parses a document with a real XML parser (well-formedness first) and checks RFC 4287's rules that a
 * reader relies on: feed id, title, updated, an author, link rel=self; every entry's id, title,
 * updated; ids are IRIs and unique; dates RFC 3339. Throws naming the first broken rule.
 */
export function parseAtom(xml: string): ParsedFeed {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) fail(`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
  const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml) as Record<string, unknown>;
  const feed = document.feed as Record<string, unknown> | undefined;
  if (!feed) fail('the root element is not <feed>');
  if (feed['@xmlns'] !== ATOM_NS) fail(`the feed's namespace is ${String(feed['@xmlns'])}`);
  const links = asList(feed.link as Record<string, string>[]).map((link) => ({ rel: link['@rel'] ?? 'alternate', href: link['@href'] ?? '', type: link['@type'] }));
  if (!links.some((link) => link.rel === 'self' && link.href)) fail('no link rel="self"');
  const id = text(feed.id);
  if (!IRI.test(id)) fail(`feed id \`${id}\` is not an IRI`);
  const title = text(feed.title);
  if (!title) fail('the feed has no title');
  const updated = text(feed.updated);
  checkDate('feed', updated);
  const feedAuthor = asList(feed.author as Record<string, unknown>[]).some((author) => text(author.name));
  const entries = asList(feed.entry as Record<string, unknown>[]).map((entry, index): ParsedEntry => {
    const entryId = text(entry.id);
    if (!IRI.test(entryId)) fail(`entry ${index} id \`${entryId}\` is not an IRI`);
    if (!text(entry.title)) fail(`entry ${index} has no title`);
    checkDate(`entry ${index}`, text(entry.updated));
    if (!feedAuthor && !asList(entry.author as Record<string, unknown>[]).some((author) => text(author.name))) fail(`entry ${index} has no author and neither has the feed`);
    const entryLinks = asList(entry.link as Record<string, string>[]).map((link) => ({ rel: link['@rel'] ?? 'alternate', href: link['@href'] ?? '' }));
    return { id: entryId, title: text(entry.title), updated: text(entry.updated), summary: text(entry.summary), links: entryLinks };
  });
  if (new Set(entries.map((entry) => entry.id)).size !== entries.length) fail('two entries share an id');
  return { id, title, updated, lang: String(feed['@xml:lang'] ?? ''), links, entries };
}
