'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { LiveStream } from '@/components/dashboard/live-stream';
import { StationMap, type MapTheme } from '@/components/map/station-map';
import { ConnectionNotice } from '@/components/system-status/connection-notice';
import type { SystemJson } from '@/lib/api/api-types';

const THEME_CLASS: Record<MapTheme, string> = {
  light: 'light bg-white text-slate-900',
  dark: 'dark bg-slate-950 text-slate-100',
  system: 'bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100',
};

/** The framable map: nothing but the map, its legend, the credits and a note when a refresh fails. */
export function EmbedView({ system, focusStationId, theme }: { system: SystemJson; focusStationId: string | null; theme: MapTheme }) {
  const { locale, t } = useI18n();
  return (
    <main lang={locale} className={`fixed inset-0 ${THEME_CLASS[theme]}`} aria-label={t.map.embedLabel(system.name)}>
      <LiveStream systemId={system.systemId} changes={false} />
      <StationMap systemId={system.systemId} focusStationId={focusStationId} theme={theme} legendOpen={false} linksInNewTab />
      <ConnectionNotice systemId={system.systemId} className="absolute top-2 left-1/2 z-[1000] w-max max-w-[calc(100%-5rem)] -translate-x-1/2" />
      {system.simulated && (
        <p className="absolute top-2.5 left-12 z-[1000] rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900 shadow dark:bg-amber-900 dark:text-amber-100">
          {t.map.simulated}
        </p>
      )}
    </main>
  );
}
