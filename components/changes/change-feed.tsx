'use client';

import { useState } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { CauseFilter } from '@/components/insights/cause-filter';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { useChanges } from '@/lib/hooks/use-changes';
import type { ChangeCause } from '@/lib/stations/insights/causes/types';
import { ChangeFeedItem, changeKey } from './change-feed-item';

interface Props {
  systemId: string;
  timeZone: string;
  ttlSeconds: number;
}

/** Station changes, newest first, polled at the feed's ttl; arrivals fade in from amber. */
export function ChangeFeed({ systemId, timeZone, ttlSeconds }: Props) {
  const [cause, setCause] = useState<ChangeCause | null>(null);
  const { changes, error, hasOlder, isLoadingOlder, loadOlder } = useChanges(systemId, ttlSeconds, cause);
  const { locale, t } = useI18n();
  // Entries newer than the newest one on the first paint are arrivals; older pages are not.
  const [firstNewest] = useState(() => changes[0]?.reportedAt ?? '');
  return (
    <div>
      <CauseFilter value={cause} onChange={setCause} />
      <ol data-testid="change-feed" aria-label={t.changes.listLabel} className="divide-y divide-slate-200 dark:divide-slate-800">
        {changes.map((change) => (
          <ChangeFeedItem key={changeKey(change)} change={change} timeZone={timeZone} arrived={change.reportedAt > firstNewest} />
        ))}
      </ol>
      {changes.length === 0 && <p className="py-2 text-sm text-slate-500">{cause ? insightMessagesFor(locale).causes.noneOfKind : t.changes.none}</p>}
      {error && changes.length > 0 && <p className="py-1 text-xs text-amber-700 dark:text-amber-400">{t.changes.failed}</p>}
      {hasOlder && (
        <button
          type="button"
          onClick={() => void loadOlder()}
          disabled={isLoadingOlder}
          className="mt-2 w-full rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {isLoadingOlder ? t.changes.loading : t.changes.loadOlder}
        </button>
      )}
    </div>
  );
}
