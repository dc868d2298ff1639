import type { SortDirection, SortKey } from '@/lib/stations/station-table';

interface Props {
  column: SortKey;
  label: string;
  sort: { key: SortKey; direction: SortDirection };
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}

/** A column header that sorts its column; `aria-sort` tells screen readers which one is sorted and how. */
export function SortHeader({ column, label, sort, onSort, numeric = false }: Props) {
  const active = sort.key === column;
  const arrow = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={`px-1 py-2 font-semibold whitespace-nowrap sm:px-2 ${numeric ? 'text-right' : 'text-left'}`}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 ${numeric ? 'flex-row-reverse' : ''}`}
      >
        {label}
        <span aria-hidden="true" className={`text-[10px] ${active ? '' : 'hidden text-slate-400 sm:inline'}`}>
          {arrow}
        </span>
      </button>
    </th>
  );
}
