'use client';

import { REPORT_DAYS, type ReportDays } from '@/lib/stations/insights/report-card/report-sorts';

/** Today, 7 days or 30 days: toggle buttons that say which is pressed. */
export function DaysToggle({ value, onChange, label, name }: { value: ReportDays; onChange: (days: ReportDays) => void; label: string; name: (days: number) => string }) {
  return (
    <div role="group" aria-label={label} className="flex gap-1 text-sm">
      {REPORT_DAYS.map((days) => (
        <button
          key={days}
          type="button"
          aria-pressed={value === days}
          onClick={() => onChange(days)}
          className="rounded border border-slate-300 px-2 py-0.5 aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-700 dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900"
        >
          {name(days)}
        </button>
      ))}
    </div>
  );
}
