import Link from 'next/link';
import { memo } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { CauseBadge } from '@/components/insights/cause-badge';
import { useMapFocus } from '@/components/map/map-focus';
import { mapChangeMessagesFor } from '@/lib/i18n/messages/map-changes';
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
  // Beside a map (the live view), pointing at an item rings its station there.
  const focus = useMapFocus();
  const point = focus ? () => focus.hover(change.stationId) : undefined;
  const unpoint = focus ? () => focus.hover(null) : undefined;
  return (
    <li
      data-new={arrived || undefined}
      onMouseEnter={point}
      onMouseLeave={unpoint}
      onFocus={point}
      onBlur={unpoint}
      className={`flex items-baseline gap-x-1.5 px-1 py-1.5 text-sm ${arrived ? 'animate-arrive' : ''}`}
    >
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
      {focus && (
        <button
          type="button"
          onClick={() => focus.show(change.stationId)}
          aria-label={mapChangeMessagesFor(locale).showOnMap(stationLabel(change))}
          title={mapChangeMessagesFor(locale).showOnMap(stationLabel(change))}
          className="shrink-0 self-center rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-none stroke-current" strokeWidth="1.6">
            <path d="M8 14.5s-4.5-4.2-4.5-7.7a4.5 4.5 0 0 1 9 0c0 3.5-4.5 7.7-4.5 7.7Z" />
            <circle cx="8" cy="6.8" r="1.6" />
          </svg>
        </button>
      )}
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
