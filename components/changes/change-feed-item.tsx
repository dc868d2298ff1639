import Link from 'next/link';
import { memo } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { CauseBadge } from '@/components/insights/cause-badge';
import type { ChangeJson } from '@/lib/api/api-types';
import { formatClock } from '@/lib/time/format-time';
import { stationHref } from '@/lib/http/routes';
import { stationLabel } from '@/lib/stations/station-table';
import { describeDelta } from './change-description';

export const changeKey = (change: ChangeJson) => `${change.stationId}@${change.reportedAt}`;

function ChangeFeedItemView({ change, timeZone, arrived }: { change: ChangeJson; timeZone: string; arrived: boolean }) {
  const { locale, t } = useI18n();
  const bikes = describeDelta(change.bikes, change.prevBikes, t.nouns.bike);
  const what = bikes ?? describeDelta(change.docks, change.prevDocks, t.nouns.dock) ?? t.changes.reported;
  const gained = change.bikes > change.prevBikes;
  return (
    <li data-new={arrived || undefined} className={`flex items-baseline gap-x-1.5 px-1 py-1.5 text-sm ${arrived ? 'animate-arrive' : ''}`}>
      <span
        className={`w-[4.75rem] shrink-0 font-semibold whitespace-nowrap tabular-nums ${
          bikes === null ? 'text-slate-500' : gained ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'
        }`}
      >
        {what}
      </span>
      <span aria-hidden="true" className="text-slate-400">
        ·
      </span>
      <Link href={stationHref(change.systemId, change.stationId)} prefetch={false} className="min-w-0 flex-1 truncate hover:underline">
        {stationLabel(change)}
      </Link>
      <CauseBadge cause={change.cause} />
      <span aria-hidden="true" className="text-slate-400">
        ·
      </span>
      <time className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400" dateTime={change.reportedAt}>
        {formatClock(change.reportedAt, timeZone, locale)}
      </time>
    </li>
  );
}

export const ChangeFeedItem = memo(ChangeFeedItemView);
