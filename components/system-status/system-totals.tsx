import type { SystemTotals as Totals } from '@/lib/stations/availability';

const number = new Intl.NumberFormat('en');

export function SystemTotals({ totals, className = 'grid-cols-3 sm:grid-cols-6' }: { totals: Totals; className?: string }) {
  const items: [string, number][] = [
    ['bikes', totals.bikes],
    ['e-bikes', totals.ebikes],
    ['free docks', totals.docks],
    ['empty stations', totals.emptyStations],
    ['full stations', totals.fullStations],
    ['stations', totals.stations],
  ];
  return (
    <dl data-testid="system-totals" className={`grid gap-2 ${className}`}>
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-slate-100 p-3 dark:bg-slate-900">
          <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-total={label}>
            {number.format(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
