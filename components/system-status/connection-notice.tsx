'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { FetchError } from '@/lib/hooks/fetch-json';
import { useStations } from '@/lib/hooks/use-stations';
import type { Messages } from '@/lib/i18n/messages';
import { formatClock } from '@/lib/time/format-time';

function problem(error: Error, t: Messages): string {
  if (error instanceof FetchError && error.status < 500) return t.connection.refused(error.message);
  return t.connection.unreachable;
}

/** A failed refresh keeps the last data on screen and says so, without getting in the way. */
export function ConnectionNotice({ systemId, className = '' }: { systemId: string; className?: string }) {
  const { data, error } = useStations(systemId);
  const { locale, t } = useI18n();
  if (!error) return null;
  const shown = data?.system.statusUpdatedAt;
  return (
    <p
      role="status"
      data-testid="connection-notice"
      className={`rounded-md bg-amber-100 px-3 py-1.5 text-sm text-amber-950 shadow dark:bg-amber-900 dark:text-amber-50 ${className}`}
    >
      {problem(error, t)}
      {shown && data ? t.connection.showing(formatClock(shown, data.system.timezone, locale)) : ''}
      {t.connection.retrying}
    </p>
  );
}
