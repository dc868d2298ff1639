import { getI18n } from '@/components/i18n/server-i18n';

export const CONTENT_ID = 'content';

/** The first stop for a keyboard: past the header's links, straight to the page itself. */
export async function SkipLink() {
  const { t } = await getI18n();
  return (
    <a
      href={`#${CONTENT_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[2000] focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:font-medium focus:text-slate-900 focus:shadow focus:ring-2 focus:ring-sky-600"
    >
      {t.site.skipLink}
    </a>
  );
}
