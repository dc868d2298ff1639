'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { RefreshEvery } from './refresh-every';

/** Before any system has reported: say what is happening, and look again until data arrives. */
export function WaitingForData() {
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-xl p-6" data-testid="no-data">
      <h1 className="text-2xl font-semibold">{t.waiting.title}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{t.waiting.body}</p>
      <p className="mt-3 text-sm text-slate-500">{t.waiting.checking}</p>
      <RefreshEvery seconds={10} />
    </main>
  );
}
