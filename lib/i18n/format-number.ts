import { intlLocale, type Locale } from './locales';

const formats = new Map<string, Intl.NumberFormat>();

/** "12,345" and "1.2" in English, "12 345" and "1,2" in Norwegian; one cached formatter per locale and digit count. */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  const key = `${locale} ${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}
