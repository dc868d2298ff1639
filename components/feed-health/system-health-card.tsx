import Link from 'next/link';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import type { SystemWithHealthJson } from '@/lib/api/api-types';
import { formatAge } from '@/lib/time/format-time';
import { homeHref } from '@/lib/http/routes';
import { FeedProblemTable } from './feed-problem-table';

const Fact = ({ label, testId, children }: { label: string; testId: string; children: ReactNode }) => (
  <div className="rounded-lg bg-slate-100 p-3 dark:bg-slate-900">
    <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
    <dd data-testid={testId} className="mt-1 font-medium">
      {children}
    </dd>
  </div>
);

/** One system's feed health: version, age against its ttl, schema conformance and quiet stations. */
export function SystemHealthCard({ system, ageSeconds, stale }: { system: SystemWithHealthJson; ageSeconds: number | null; stale: boolean }) {
  const { health } = system;
  const { locale, t } = useI18n();
  const checkOff = health.schemaCheck.checkedAgainst === null;
  return (
    <section data-testid="system-health" data-system-id={system.systemId} data-stale={stale} aria-labelledby={`system-${system.systemId}`} className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={`system-${system.systemId}`} className="text-lg font-semibold">
        <Link href={homeHref(system.systemId)} className="underline-offset-2 hover:underline">
          {system.name}
        </Link>
        <span className="ml-2 text-sm font-normal text-slate-500">{system.systemId}</span>
        <Link href={`/systems/${encodeURIComponent(system.systemId)}`} className="ml-3 text-sm font-normal underline">
          {insightMessagesFor(locale).activity.heading} →
        </Link>
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Fact label={t.systems.gbfsVersion} testId="gbfs-version">
          {health.gbfsVersion ?? t.systems.noVersion}
        </Fact>
        <Fact label={t.systems.feedAge} testId="feed-age">
          <span className={stale ? 'text-amber-700 dark:text-amber-300' : undefined}>
            {ageSeconds === null ? t.systems.noUpdate : t.systems.old(formatAge(ageSeconds, locale))} · ttl {system.ttlSeconds} s{stale ? ` · ${t.systems.stale}` : ''}
          </span>
        </Fact>
        <Fact label={t.systems.stations} testId="stations-reporting">
          {t.systems.reporting(health.stationsReporting)}
          {health.stationsNotReporting > 0 && <span className="block text-amber-700 dark:text-amber-300">{t.systems.notReporting(health.stationsNotReporting)}</span>}
        </Fact>
        <Fact label={t.systems.schema} testId="schema-check">
          {checkOff ? health.schemaCheck.label : health.problemCount === 0 ? t.systems.conforms(health.schemaCheck.label) : t.systems.problems(health.problemCount, health.schemaCheck.label)}
        </Fact>
      </dl>
      {health.problems.length > 0 && <FeedProblemTable systemId={system.systemId} problems={health.problems} />}
    </section>
  );
}
