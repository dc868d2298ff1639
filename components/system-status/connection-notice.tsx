'use client';

import { formatClock } from '@/lib/time/format-time';
import { FetchError } from '@/lib/hooks/fetch-json';
import { useStations } from '@/lib/hooks/use-stations';

function problem(error: Error): string {
  if (error instanceof FetchError && error.status < 500) return `The server refused the update (${error.message})`;
  return "Can't reach the server";
}

/** A failed refresh keeps the last data on screen and says so, without getting in the way. */
export function ConnectionNotice({ systemId, className = '' }: { systemId: string; className?: string }) {
  const { data, error } = useStations(systemId);
  if (!error) return null;
  const shown = data?.system.statusUpdatedAt;
  return (
    <p
      role="status"
      data-testid="connection-notice"
      className={`rounded-md bg-amber-100 px-3 py-1.5 text-sm text-amber-950 shadow dark:bg-amber-900 dark:text-amber-50 ${className}`}
    >
      {problem(error)}
      {shown && data ? ` — showing data from ${formatClock(shown, data.system.timezone)}` : ''}; retrying
    </p>
  );
}
