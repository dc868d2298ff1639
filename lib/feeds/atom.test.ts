import { describe, expect, it } from 'vitest';
import { parseAtom } from '../../tests/support/atom-check';
import { renderAtom, type AtomFeed } from './atom';
import { xmlText } from './xml-text';

const HOSTILE = 'Tøyen <script>alert(1)</script> & "Co" ]]> \u0000\u0007\u000b bell \uD800 lone 🚲';

const feed = (entries: AtomFeed['entries']): AtomFeed => ({
  id: 'tag:bikestream,2026:stations/oslo/1/feed',
  title: `${HOSTILE}: empty and full`,
  updatedFallback: new Date('2026-01-01T00:00:00Z'),
  author: 'bikestream',
  language: 'en',
  links: [
    { rel: 'self', href: '/stations/oslo/1/feed.xml', type: 'application/atom+xml' },
    { rel: 'alternate', href: '/stations/oslo/1', type: 'text/html' },
  ],
  entries,
});

describe('xmlText', () => {
  it('escapes markup and drops the characters XML 1.0 cannot carry, keeping tabs, newlines and astral characters', () => {
    expect(xmlText('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(xmlText('x\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\uD800y')).toBe('xy');
    expect(xmlText('tab\tline\nret\r 🚲 ]]>')).toBe('tab\tline\nret\r 🚲 ]]&gt;');
  });
});

describe('renderAtom', () => {
  it('writes a valid feed whose hostile station names read back as the text they were, less the invalid characters', () => {
    const xml = renderAtom(
      feed([
        { id: 'tag:bikestream,2026:stations/oslo/1/empty/2026-03-01T08:00:00.000Z', title: `${HOSTILE} is empty`, updated: new Date('2026-03-01T08:00:00Z'), summary: 'Now 0 bikes.', link: '/stations/oslo/1' },
      ]),
    );
    const parsed = parseAtom(xml);
    const clean = 'Tøyen <script>alert(1)</script> & "Co" ]]>  bell  lone 🚲';
    expect(parsed.title).toBe(`${clean}: empty and full`);
    expect(parsed.entries[0]?.title).toBe(`${clean} is empty`);
    expect(xml).not.toContain('<script>');
    expect(parsed.updated).toBe('2026-03-01T08:00:00.000Z');
  });

  it('dates an empty feed by its fallback, and the epoch without one, so it never moves by itself', () => {
    expect(parseAtom(renderAtom(feed([]))).updated).toBe('2026-01-01T00:00:00.000Z');
    expect(parseAtom(renderAtom({ ...feed([]), updatedFallback: null })).updated).toBe('1970-01-01T00:00:00.000Z');
  });

  it('is dated by its newest entry whatever their order', () => {
    const entry = (at: string) => ({ id: `tag:x,2026:${at}`, title: 't', updated: new Date(at), summary: 's', link: '/' });
    const xml = renderAtom(feed([entry('2026-03-01T08:00:00Z'), entry('2026-03-02T08:00:00Z'), entry('2026-02-01T08:00:00Z')]));
    expect(parseAtom(xml).updated).toBe('2026-03-02T08:00:00.000Z');
  });

  it('is refused by the checker when a rule a reader relies on is broken', () => {
    const good = renderAtom(feed([]));
    expect(() => parseAtom(good.replace(/<link rel="self"[^>]*>/, ''))).toThrow(/rel="self"/);
    expect(() => parseAtom(good.replace('2026-01-01T00:00:00.000Z', '1 Jan 2026'))).toThrow(/RFC 3339/);
    expect(() => parseAtom(good.replace('<title>', '<title><b>'))).toThrow(/well-formed/);
  });
});
