'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { mapChangeMessagesFor } from '@/lib/i18n/messages/map-changes';

/** Turns the map's layer of the last minutes' changes on and off. */
export function ChangesToggle({ minutes, on, onChange }: { minutes: number; on: boolean; onChange: (on: boolean) => void }) {
  const { locale } = useI18n();
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => onChange(!on)}
      className={`absolute bottom-6 left-2 z-[1000] rounded-md px-2 py-1 text-xs font-medium shadow backdrop-blur-sm ${
        on ? 'bg-slate-800 text-white dark:bg-slate-100 dark:text-slate-900' : 'bg-white/90 text-slate-800 dark:bg-slate-900/90 dark:text-slate-100'
      }`}
    >
      <span aria-hidden="true">▲▼ </span>
      {mapChangeMessagesFor(locale).layerToggle(minutes)}
    </button>
  );
}
