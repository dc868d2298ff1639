'use client';

import { useEffect, useRef } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { LEVELS } from '@/lib/stations/availability-labels';
import { LevelSwatch } from './level-swatch';
import { EBIKE_DOT_STYLE, LEVEL_STYLES, NOT_REPORTING_STYLE } from './marker-style';

/** What the markers mean, in shapes as well as colours; starts folded on a phone-sized map. */
export function MapLegend({ open = true }: { open?: boolean }) {
  const details = useRef<HTMLDetailsElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    if (details.current && window.matchMedia('(max-width: 639px)').matches) details.current.open = false;
  }, []);
  return (
    <details
      ref={details}
      open={open}
      data-testid="map-legend"
      className="absolute top-2 right-2 z-[1000] max-w-[14rem] rounded-md bg-white/90 px-2 py-1 text-xs shadow backdrop-blur-sm dark:bg-slate-900/90"
    >
      <summary className="cursor-pointer font-medium select-none">{t.map.legend}</summary>
      <ul className="mt-1 space-y-0.5 pb-1">
        {LEVELS.map((level) => (
          <li key={level} className="flex items-center gap-1.5" data-level={level}>
            <LevelSwatch style={LEVEL_STYLES[level]} />
            {t.levels[level]}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="shrink-0">
            <circle cx="9" cy="9" r="6" fill={LEVEL_STYLES.ok.fillColor} fillOpacity={LEVEL_STYLES.ok.fillOpacity} stroke={LEVEL_STYLES.ok.color} />
            <circle cx="9" cy="9" r="2.5" fill={EBIKE_DOT_STYLE.fillColor} stroke={EBIKE_DOT_STYLE.color} />
          </svg>
          {t.map.ebikeDot}
        </li>
        <li className="flex items-center gap-1.5" data-level="not-reporting">
          <LevelSwatch style={NOT_REPORTING_STYLE} />
          {t.map.notReporting}
        </li>
        <li className="text-slate-500 dark:text-slate-400">{t.map.bigger}</li>
      </ul>
    </details>
  );
}
