'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { isFeedStale } from '@/lib/stations/availability';
import { formatAge, formatClock } from '@/lib/time/format-time';
import { useNow } from '@/lib/hooks/use-now';
import { useStations } from '@/lib/hooks/use-stations';

/** "updated 4 s ago", ticking each second; a warning once the feed is older than three ttls. */
export function FreshnessBadge({ systemId }: { systemId: string }) {
  const system = useStations(systemId).data?.system;
  const now = useNow();
  const { locale, t } = useI18n();
  if (!system) return null;
  const updatedAt = system.statusUpdatedAt;
  // Until the clock runs in the browser, the server's own count keeps the first paint consistent.
  const ageSeconds = updatedAt === null ? null : now === null ? system.feedAgeSeconds : (now - Date.parse(updatedAt)) / 1000;
  const stale = now === null ? system.stale : isFeedStale(updatedAt === null ? null : new Date(updatedAt), system.ttlSeconds, now);
  const text = ageSeconds === null ? t.freshness.noReport : t.freshness.updated(formatAge(ageSeconds, locale));
  return (
    <p
      data-testid="freshness"
      data-stale={stale}
      title={updatedAt ? t.freshness.updatedAt(formatClock(updatedAt, system.timezone, locale), system.timezone) : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium tabular-nums ${
        stale ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
      }`}
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${stale ? 'bg-amber-500' : 'animate-pulse bg-emerald-500'}`} />
      {stale && <span>{t.freshness.stale}</span>}
      {text}
    </p>
  );
}
