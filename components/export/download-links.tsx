'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import type { DownloadFormat } from '@/lib/http/routes';

const FORMATS: readonly DownloadFormat[] = ['csv', 'parquet'];

/** The downloads of the range on screen; plain links, so the browser saves the stream as it comes. */
export function DownloadLinks({ href, title }: { href: (format: DownloadFormat) => string; title: string }) {
  const { t } = useI18n();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="download-links">
      <span className="text-slate-600 dark:text-slate-400">{t.download.label}:</span>
      {FORMATS.map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          title={title}
          data-testid={`download-${format}`}
          className="rounded border border-slate-300 px-2 py-0.5 font-medium underline-offset-2 hover:underline dark:border-slate-700"
        >
          {t.download.formats[format]}
        </a>
      ))}
    </p>
  );
}
