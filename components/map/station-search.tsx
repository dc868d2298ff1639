'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import type { StationJson } from '@/lib/api/api-types';
import { findStations } from '@/lib/stations/station-search';
import { stationLabel } from '@/lib/stations/station-table';

const MAX_MATCHES = 8;

/**
 * The keyboard's way onto the map (a combobox in the WAI-ARIA pattern): type part of a name, pick
 * a match with the arrow keys and Enter, and the map moves to the station and opens its popup.
 */
export function StationSearch<T extends StationJson>({ stations, onChoose }: { stations: readonly T[]; onChoose: (station: T) => void }) {
  const id = useId();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => findStations(stations, query, MAX_MATCHES), [stations, query]);
  const expanded = open && matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);

  function choose(station: T) {
    setQuery(stationLabel(station));
    setOpen(false);
    onChoose(station);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      choose(matches[activeIndex]!);
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  }

  return (
    <div className="absolute top-2 left-12 z-[1000] w-56 max-w-[calc(100%-7rem)] text-sm" data-testid="station-search">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t.map.searchLabel}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-${activeIndex}` : undefined}
        autoComplete="off"
        placeholder={t.map.searchPlaceholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        className="w-full rounded-md border border-slate-300 bg-white/95 px-2 py-1 shadow focus:ring-2 focus:ring-sky-600 focus:outline-none dark:border-slate-600 dark:bg-slate-900/95"
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t.map.matches} hidden={!expanded} className="mt-1 max-h-64 overflow-y-auto rounded-md bg-white shadow-lg dark:bg-slate-900">
        {matches.map((station, index) => (
          <li
            key={station.stationId}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(station);
            }}
            className="cursor-pointer truncate px-2 py-1 aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900"
          >
            {stationLabel(station)}
          </li>
        ))}
      </ul>
    </div>
  );
}
