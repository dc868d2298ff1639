'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { useSystems } from '@/lib/hooks/use-systems';

/** Lets a reader pick another bike system (`?system=ID`); hidden while only one is known. */
export function SystemSwitcher({ systemId }: { systemId: string }) {
  const systems = useSystems().data?.systems ?? [];
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const { t } = useI18n();
  if (systems.length < 2) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        {t.live.systemLabel}
      </label>
      <select
        id={id}
        data-testid="system-switcher"
        value={systemId}
        onChange={(event) => router.push(`${pathname}?system=${encodeURIComponent(event.target.value)}`)}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {systems.map((system) => (
          <option key={system.systemId} value={system.systemId}>
            {system.name}
          </option>
        ))}
      </select>
    </div>
  );
}
