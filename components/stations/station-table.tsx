'use client';

import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { useStations } from '@/lib/hooks/use-stations';
import { filterAndSortStations, type SortDirection, type SortKey } from '@/lib/stations/station-table';
import { SortHeader } from './sort-header';
import { StationRow } from './station-row';

const COLUMNS: { key: SortKey; label: 'station' | 'bikes' | 'ebikes' | 'docks' | 'status'; numeric?: boolean }[] = [
  { key: 'name', label: 'station' },
  { key: 'bikes', label: 'bikes', numeric: true },
  { key: 'ebikes', label: 'ebikes', numeric: true },
  { key: 'docks', label: 'docks', numeric: true },
  { key: 'status', label: 'status' },
];

/** Every station as a table: searchable by name, sortable by any column, refreshed with the feed. */
export function StationTable({ systemId }: { systemId: string }) {
  const { data } = useStations(systemId);
  const { t } = useI18n();
  const stations = data?.stations;
  const timeZone = data?.system.timezone ?? 'UTC';
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'ascending' });
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => filterAndSortStations(stations ?? [], deferredQuery, sort.key, sort.direction), [stations, deferredQuery, sort]);
  const searchId = useId();
  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' || key === 'status' ? 'ascending' : 'descending' },
    );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label htmlFor={searchId} className="text-sm font-medium">
          {t.table.search}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t.table.placeholder}
          autoComplete="off"
          className="w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <p aria-live="polite" className="text-sm text-slate-500 dark:text-slate-400">
          {t.table.shown(rows.length, stations?.length ?? 0)}
        </p>
      </div>
      <div className="overflow-x-auto">
        <table data-testid="station-list" className="w-full border-collapse text-sm">
          <caption className="sr-only">{t.table.caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <SortHeader key={column.key} column={column.key} label={t.labels[column.label]} numeric={column.numeric} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((station) => (
              <StationRow key={station.stationId} station={station} systemId={systemId} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="text-sm text-slate-500">{t.table.noMatch(deferredQuery)}</p>}
    </div>
  );
}
