import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/** Browsers send a few dozen characters; anything longer is not a browser's list and is ignored. */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 512;
const MAX_ENTRIES = 32;
const LANGUAGE_RANGE = /^(?:[a-z]{1,8}(?:-[a-z0-9]{1,8})*|\*)$/i;
const QUALITY = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/** nb, no (Norwegian) and nn (Nynorsk, whose readers read Bokmål) choose Bokmål, in any region. */
const NORWEGIAN = new Set(['nb', 'no', 'nn']);

/** The locale a language tag asks for ("nb-NO" → nb, "en-US" → en), or null for any other language. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.split('-', 1)[0]!.toLowerCase();
  if (NORWEGIAN.has(primary)) return 'nb';
  return primary === 'en' ? 'en' : null;
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4), or null when it names
 * none of them. Entries that do not parse are skipped rather than failing the whole header.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header || header.length > MAX_ACCEPT_LANGUAGE_LENGTH) return null;
  let best: { locale: Locale; quality: number } | null = null;
  for (const entry of header.split(',', MAX_ENTRIES)) {
    const [range = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!LANGUAGE_RANGE.test(range)) continue;
    const qualityParam = params.find((param) => /^q=/i.test(param));
    if (qualityParam !== undefined && !QUALITY.test(qualityParam)) continue;
    const quality = qualityParam === undefined ? 1 : Number(qualityParam.slice(2));
    const locale = range === '*' ? null : localeOfTag(range);
    if (locale && quality > 0 && (!best || quality > best.quality)) best = { locale, quality };
  }
  return best?.locale ?? null;
}

/** The cookie's value when it is exactly one of our locales. */
export const localeFromCookie = (value: string | null | undefined): Locale | null => (isLocale(value) ? value : null);

/** The reader's choice (the cookie), else the browser's languages, else English. */
export function negotiateLocale({ cookie, acceptLanguage }: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  return localeFromCookie(cookie) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
