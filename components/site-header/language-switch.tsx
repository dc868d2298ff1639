'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { rememberLocale } from '@/components/i18n/remember-locale';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/**
 * Norsk | English in the header: remembers the choice in a cookie and asks the server for the page
 * again in that language, without a full reload (the map and the scroll position stay).
 */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    if (next === locale) return;
    rememberLocale(next);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t.site.languageLabel} aria-busy={pending} data-testid="language-switch" className="flex shrink-0 items-center rounded border border-slate-300 text-xs dark:border-slate-700">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => choose(option)}
          className="px-2 py-1 text-slate-600 first:rounded-l last:rounded-r hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
        >
          <span aria-hidden="true" className="uppercase sm:hidden">
            {option}
          </span>
          <span className="max-sm:sr-only">{LOCALE_NAMES[option]}</span>
        </button>
      ))}
    </div>
  );
}
