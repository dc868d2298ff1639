import type { StationChange } from '@/lib/queries/changes';
import { describeDelta } from './change-description';

function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(date);
}

export function ChangeList({ changes, timeZone }: { changes: StationChange[]; timeZone: string }) {
  if (changes.length === 0) return <p className="text-slate-500">No changes yet. They appear here as stations report.</p>;
  return (
    <ol data-testid="change-feed" className="divide-y divide-slate-200 dark:divide-slate-800">
      {changes.map((change) => {
        const bikes = describeDelta(change.bikes, change.prevBikes, 'bike');
        const docks = describeDelta(change.docks, change.prevDocks, 'dock');
        return (
          <li key={`${change.stationId}-${change.reportedAt.toISOString()}`} className="flex flex-wrap items-baseline gap-x-2 py-2">
            <span className="font-medium tabular-nums">{bikes ?? docks}</span>
            <span>· {change.name ?? change.stationId}</span>
            <time className="ml-auto text-sm tabular-nums text-slate-500" dateTime={change.reportedAt.toISOString()}>
              {formatTime(change.reportedAt, timeZone)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
