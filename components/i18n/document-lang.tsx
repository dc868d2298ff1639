'use client';

import { useEffect } from 'react';
import type { Locale } from '@/lib/i18n/locales';

/**
 * For a page whose language is fixed by its address (the embed's `?lang=`): the root layout sets
 * <html lang> from the cookie and browser before the page's address is known, so the page corrects it.
 */
export function DocumentLang({ locale }: { locale: Locale }) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}
