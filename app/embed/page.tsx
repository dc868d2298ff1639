import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { EmbedView } from '@/components/embed/embed-view';
import { DocumentLang } from '@/components/i18n/document-lang';
import { LocaleProvider } from '@/components/i18n/locale-provider';
import { getLocale } from '@/components/i18n/server-i18n';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { getDb } from '@/lib/db/server-db';
import { loadLivePage } from '@/lib/http/live-page-data';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const optionsSchema = z.object({
  station: z.string().max(200).optional().catch(undefined),
  theme: z.enum(['light', 'dark']).optional().catch(undefined),
  // A site owner can fix the map's language to match their page; anything else falls back to the reader's.
  lang: z.enum(LOCALES).optional().catch(undefined),
});

async function embedLocale(params: Record<string, string | string[] | undefined>): Promise<Locale> {
  return optionsSchema.parse(params).lang ?? (await getLocale());
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return { title: messagesFor(await embedLocale(await searchParams)).titles.embed, robots: { index: false } };
}

export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { station, theme, lang } = optionsSchema.parse(params);
  const locale = lang ?? (await getLocale());
  const page = await loadLivePage(getDb(), params.system, { changes: false });
  if (page.kind === 'unknown') notFound();
  return (
    <LocaleProvider locale={locale}>
      {lang && <DocumentLang locale={lang} />}
      {page.kind === 'none' ? (
        <WaitingForData />
      ) : (
        <SwrFallback fallback={page.fallback}>
          <EmbedView system={page.system} focusStationId={station ?? null} theme={theme ?? 'system'} />
        </SwrFallback>
      )}
    </LocaleProvider>
  );
}
