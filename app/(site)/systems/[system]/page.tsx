import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActivityPanel } from '@/components/activity/activity-panel';
import { AtomFeedLink } from '@/components/feeds/atom-feed-link';
import { feedAlternates } from '@/components/feeds/feed-alternates';
import { getI18n, getLocale } from '@/components/i18n/server-i18n';
import { pathIdsSchema } from '@/lib/http/params';
import { systemFeedHref } from '@/lib/http/routes';
import { getSystemOnce } from './system-lookup';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ system: string }> };

const systemIdSchema = pathIdsSchema.pick({ system: true });

async function findSystem(params: Params['params']) {
  const parsed = systemIdSchema.safeParse(await params);
  return parsed.success ? getSystemOnce(parsed.data.system) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const system = await findSystem(params);
  const { t, locale } = await getI18n();
  if (!system) return { title: t.titles.systems };
  return { title: system.name, alternates: feedAlternates(systemFeedHref(system.systemId, locale), locale) };
}

/** One system: what riders and trucks did today and this week. */
export default async function SystemPage({ params }: Params) {
  const system = await findSystem(params);
  if (!system) notFound();
  const locale = await getLocale();
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6">
      <h1 className="text-xl font-semibold sm:text-2xl">{system.name}</h1>
      <AtomFeedLink href={systemFeedHref(system.systemId, locale)} label="systemLink" />
      <ActivityPanel systemId={system.systemId} timeZone={system.timezone} />
    </main>
  );
}
