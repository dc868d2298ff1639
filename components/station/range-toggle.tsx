import { useI18n } from '@/components/i18n/locale-provider';
import type { HistoryRange } from '@/lib/hooks/station-keys';

const RANGES: readonly HistoryRange[] = ['24h', '7d'];

export function RangeToggle({ value, onChange }: { value: HistoryRange; onChange: (range: HistoryRange) => void }) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t.station.rangeGroup} className="inline-flex rounded-md border border-slate-300 p-0.5 text-sm dark:border-slate-700">
      {RANGES.map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          data-range={range}
          onClick={() => onChange(range)}
          className="rounded px-3 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
        >
          {t.station.rangeButtons[range]}
        </button>
      ))}
    </div>
  );
}
