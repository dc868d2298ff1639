import { useI18n } from '@/components/i18n/locale-provider';
import { formatNumber } from '@/lib/i18n/format-number';
import type { SystemTotals as Totals } from '@/lib/stations/availability';

export function SystemTotals({ totals, className = 'grid-cols-3 sm:grid-cols-6' }: { totals: Totals; className?: string }) {
  const { locale, t } = useI18n();
  const items: [keyof Totals, string][] = [
    ['bikes', t.totals.bikes],
    ['ebikes', t.totals.ebikes],
    ['docks', t.totals.docks],
    ['emptyStations', t.totals.emptyStations],
    ['fullStations', t.totals.fullStations],
    ['stations', t.totals.stations],
  ];
  return (
    <dl data-testid="system-totals" className={`grid gap-2 ${className}`}>
      {items.map(([key, label]) => (
        <div key={key} className="rounded-lg bg-slate-100 p-3 dark:bg-slate-900">
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-total={key}>
            {formatNumber(totals[key], locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
