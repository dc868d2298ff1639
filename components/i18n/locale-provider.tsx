'use client';

import { createContext, use, type ReactNode } from 'react';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { messagesFor, type Messages } from '@/lib/i18n/messages';

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** The language the server chose for this request, handed to every client component below. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

/** The reader's language and its words, in a client component. */
export function useI18n(): { locale: Locale; t: Messages } {
  const locale = use(LocaleContext);
  return { locale, t: messagesFor(locale) };
}
