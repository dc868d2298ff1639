import type { HistoryRange } from '@/lib/hooks/station-keys';

const LABELS: Record<HistoryRange, string> = { '24h': '24 h', '7d': '7 days' };

export function RangeToggle({ value, onChange }: { value: HistoryRange; onChange: (range: HistoryRange) => void }) {
  return (
    <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-slate-300 p-0.5 text-sm dark:border-slate-700">
      {(Object.keys(LABELS) as HistoryRange[]).map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          data-range={range}
          onClick={() => onChange(range)}
          className="rounded px-3 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
        >
          {LABELS[range]}
        </button>
      ))}
    </div>
  );
}
