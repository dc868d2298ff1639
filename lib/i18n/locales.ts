/** The interface's languages: Norwegian Bokmål for Oslo, English for everyone else. */
export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the header's language switch sets; read on every page request. */
export const LOCALE_COOKIE = 'lang';

/** Each language in its own words, for the switch (the same in either interface). */
export const LOCALE_NAMES: Record<Locale, string> = { nb: 'Norsk', en: 'English' };

export const isLocale = (value: unknown): value is Locale => value === 'nb' || value === 'en';

/**
 * The tag handed to Intl for dates and numbers. English uses en-GB: a 24-hour clock and day-month
 * order, as the site always showed, for readers in a European city.
 */
export const intlLocale = (locale: Locale): string => (locale === 'nb' ? 'nb-NO' : 'en-GB');
