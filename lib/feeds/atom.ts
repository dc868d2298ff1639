import { xmlText } from './xml-text';

export interface AtomLink {
  rel: 'self' | 'alternate';
  href: string;
  type?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  summary: string;
  link: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** When there are no entries yet: the station's or system's latest report. */
  updatedFallback: Date | null;
  author: string;
  links: AtomLink[];
  language: string;
  entries: AtomEntry[];
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
const link = ({ rel, href, type }: AtomLink) => `<link rel="${rel}" href="${xmlText(href)}"${type ? ` type="${xmlText(type)}"` : ''}/>`;

/** The feed's updated: its newest entry's (RFC 4287 §4.2.15), else the fallback, else the epoch, so it never moves by itself. */
function feedUpdated(feed: AtomFeed): Date {
  const newest = feed.entries.reduce<Date | null>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), null);
  return newest ?? feed.updatedFallback ?? new Date(0);
}

/** An Atom 1.0 document (RFC 4287); every text is escaped here, so callers pass plain text. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      element('id', entry.id),
      element('title', entry.title),
      element('updated', entry.updated.toISOString()),
      link({ rel: 'alternate', href: entry.link, type: 'text/html' }),
      element('summary', entry.summary),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    element('id', feed.id),
    element('title', feed.title),
    element('updated', feedUpdated(feed).toISOString()),
    `<author>${element('name', feed.author)}</author>`,
    ...feed.links.map(link),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
