import type { Metadata } from 'next';
import type { Locale } from '@/lib/i18n/locales';
import { feedMessagesFor } from '@/lib/i18n/messages/feeds';

/**
 * A page's <link rel="alternate" type="application/atom+xml"> for feed readers. Next keeps the
 * address root-relative while no metadataBase is set, so no origin is made up for it.
 */
export function feedAlternates(href: string, locale: Locale): Metadata['alternates'] {
  return { types: { 'application/atom+xml': [{ url: href, title: feedMessagesFor(locale).feedLinkTitle }] } };
}
