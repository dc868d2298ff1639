'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/locale-provider';

const digestOf = (error: unknown) =>
  error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

/** Server errors (the database down, say) land here; `retry` fetches the page again. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-xl p-6" role="alert">
      <h1 className="text-xl font-semibold">{t.errors.dataTitle}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t.errors.dataBody}</p>
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
          {t.errors.retry}
        </button>
        <Link href="/" className="underline">
          {t.errors.backToMap}
        </Link>
      </div>
      {digest && <p className="mt-6 text-xs text-slate-500">
          {t.errors.reference} {digest}
        </p>}
    </main>
  );
}
