'use client';

import { useI18n } from '@/components/i18n/locale-provider';

/** The download of the range on screen; plain links, so the browser saves the stream as it comes. */
export function DownloadLinks({ csvHref, title }: { csvHref: string; title: string }) {
  const { t } = useI18n();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="download-links">
      <span className="text-slate-600 dark:text-slate-400">{t.download.label}:</span>
      <a
        href={csvHref}
        download
        title={title}
        data-testid="download-csv"
        className="rounded border border-slate-300 px-2 py-0.5 font-medium underline-offset-2 hover:underline dark:border-slate-700"
      >
        {t.download.csv}
      </a>
    </p>
  );
}
