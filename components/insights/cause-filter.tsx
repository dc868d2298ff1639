'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { CHANGE_CAUSES, type ChangeCause } from '@/lib/stations/insights/causes/types';
import { CauseIcon } from './cause-icon';

const OPTIONS = [null, ...CHANGE_CAUSES] as const;

/** All changes, or one cause's: a row of radio buttons (arrow keys move between them). */
export function CauseFilter({ value, onChange }: { value: ChangeCause | null; onChange: (cause: ChangeCause | null) => void }) {
  const { locale } = useI18n();
  const words = insightMessagesFor(locale).causes;
  return (
    <fieldset className="mb-1 flex flex-wrap items-center gap-1 text-xs">
      <legend className="sr-only">{words.filterLabel}</legend>
      {OPTIONS.map((cause) => (
        <label
          key={cause ?? 'all'}
          className="inline-flex cursor-pointer items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 has-checked:border-slate-800 has-checked:bg-slate-800 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-sky-500 dark:border-slate-700 dark:has-checked:border-slate-200 dark:has-checked:bg-slate-200 dark:has-checked:text-slate-900"
        >
          <input type="radio" name="change-cause" className="sr-only" checked={value === cause} onChange={() => onChange(cause)} />
          {cause && <CauseIcon cause={cause} />}
          {words.filters[cause ?? 'all']}
        </label>
      ))}
    </fieldset>
  );
}
