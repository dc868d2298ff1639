import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localeOfTag, MAX_ACCEPT_LANGUAGE_LENGTH, negotiateLocale } from './negotiate';

describe('localeOfTag', () => {
  it.each([
    ['nb', 'nb'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['NB-no', 'nb'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['sv-SE', null],
    ['nbx', null],
  ])('%s is %s', (tag, locale) => {
    expect(localeOfTag(tag)).toBe(locale);
  });
});

describe('localeFromAcceptLanguage', () => {
  it('reads what browsers send', () => {
    expect(localeFromAcceptLanguage('nb-NO,nb;q=0.9,no;q=0.8,en-US;q=0.7,en;q=0.6')).toBe('nb');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('nn')).toBe('nb');
  });

  it('weighs by q-value, not by order, and takes the first of equals', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, nb;q=0.8')).toBe('nb');
    expect(localeFromAcceptLanguage('nb;q=0.5, en-GB;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('en, nb')).toBe('en');
    expect(localeFromAcceptLanguage('nb;q=0.7, en;q=0.7')).toBe('nb');
  });

  it('passes over languages it does not have for the best one it has', () => {
    expect(localeFromAcceptLanguage('de-DE, sv;q=0.9, no;q=0.2')).toBe('nb');
    expect(localeFromAcceptLanguage('de-DE, fr;q=0.9')).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBeNull();
  });

  it('takes q=0 as "not this one"', () => {
    expect(localeFromAcceptLanguage('nb;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('nb;q=0.000')).toBeNull();
  });

  it.each([
    ['an empty header', ''],
    ['a missing header', undefined],
    ['a bad q-value', 'nb;q=2'],
    ['a q-value that is not a number', 'nb;q=abc'],
    ['markup', '<script>alert(1)</script>'],
    ['a quote', 'nb"><img src=x>'],
    ['a NUL byte', 'nb\u0000'],
    ['an over-long subtag', `nb-${'x'.repeat(20)}`],
    ['only commas', ',,,,;;;'],
  ])('finds nothing in %s', (_, header) => {
    expect(localeFromAcceptLanguage(header)).toBeNull();
  });

  it('skips a broken entry and keeps reading', () => {
    expect(localeFromAcceptLanguage('<b>, nb;q=0.5')).toBe('nb');
    expect(localeFromAcceptLanguage('nb;q=9, en;q=0.1')).toBe('en');
  });

  it('ignores a header longer than any browser sends, and reads one just under the limit', () => {
    const padding = Array.from({ length: 200 }, () => 'de').join(',');
    expect(localeFromAcceptLanguage(`${padding},nb`)).toBeNull();
    expect(localeFromAcceptLanguage(`nb,${'x'.repeat(100_000)}`)).toBeNull();
    const justFits = `nb,${'a'.repeat(MAX_ACCEPT_LANGUAGE_LENGTH - 3)}`;
    expect(justFits).toHaveLength(MAX_ACCEPT_LANGUAGE_LENGTH);
    expect(localeFromAcceptLanguage(justFits)).toBe('nb');
  });
});

describe('negotiateLocale', () => {
  it('puts the reader’s own choice before the browser’s', () => {
    expect(negotiateLocale({ cookie: 'en', acceptLanguage: 'nb-NO' })).toBe('en');
    expect(negotiateLocale({ cookie: 'nb', acceptLanguage: 'en-US' })).toBe('nb');
  });

  it('falls back to the browser, then to English', () => {
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: 'nb-NO' })).toBe('nb');
    expect(negotiateLocale({ cookie: null, acceptLanguage: 'sv' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });

  it.each(['NB', 'nb-NO', 'no', ' nb', 'nb;', '"><script>', 'x'.repeat(10_000)])('does not take the cookie %j for a choice', (cookie) => {
    expect(negotiateLocale({ cookie, acceptLanguage: 'de' })).toBe('en');
  });
});
