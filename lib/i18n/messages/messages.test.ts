import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales';
import { en, type Messages } from './en';
import { messagesFor } from './index';
import { nb } from './nb';

/** Every path to a word in the dictionary, with what sits there. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

describe('the dictionaries', () => {
  it('have exactly the same keys in Norwegian as in English', () => {
    expect(leaves(nb).map(([path]) => path)).toEqual(leaves(en).map(([path]) => path));
  });

  it('have a word, or a function that makes one, for every key in every language', () => {
    for (const locale of LOCALES) {
      for (const [path, value] of leaves(messagesFor(locale))) {
        expect(typeof value === 'function' || (typeof value === 'string' && value.trim() !== '') || Array.isArray(value), `${locale}: ${path}`).toBe(true);
      }
    }
  });

  it('are actually translated: the Norwegian words differ from the English ones in most places', () => {
    const english = new Map(leaves(en).filter(([, value]) => typeof value === 'string'));
    const same = leaves(nb).filter(([path, value]) => typeof value === 'string' && english.get(path) === value).map(([path]) => path);
    // Words that are the same in both languages; a new key left in English shows up here.
    expect(same.sort()).toEqual(['download.formats.csv', 'download.formats.parquet', 'labels.status', 'live.systemLabel', 'live.tableNoteAfter', 'map.osloData', 'station.full', 'systems.columns.problem']);
  });

  it('count in Norwegian with Norwegian plurals', () => {
    expect(nb.counts.bikes(1)).toBe('1 sykkel');
    expect(nb.counts.bikes(3)).toBe('3 sykler');
    expect(nb.table.shown(2, 10)).toBe('2 av 10 stasjoner');
    expect(en.table.shown(10, 10)).toBe('10 stations');
  });

  it('are checked by the type checker: a missing or an extra key does not compile', () => {
    const withoutSite: Omit<Messages, 'site'> = nb;
    // @ts-expect-error a dictionary without the header's words is not a Messages
    const missing: Messages = withoutSite;
    // @ts-expect-error a word English does not have is refused
    const extra: Messages = { ...nb, greeting: 'Hei' };
    expect([missing, extra]).toHaveLength(2);
  });
});
