'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/locale-provider';

export default function StationError({ retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-xl p-6" role="alert">
      <h1 className="text-xl font-semibold">{t.errors.stationTitle}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t.errors.stationBody}</p>
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
          {t.errors.retry}
        </button>
        <Link href="/" className="underline underline-offset-2">
          {t.errors.backToMap}
        </Link>
      </div>
    </main>
  );
}
