'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import type { ChangeCause } from '@/lib/stations/insights/causes/types';
import { CauseIcon } from './cause-icon';

// Okabe–Ito blue and reddish purple; riders stay neutral, being most changes.
const TONE: Record<ChangeCause, string> = {
  riders: 'text-slate-600 dark:text-slate-300',
  rebalancing: 'text-[#0072b2] dark:text-[#56b4e9]',
  glitch: 'text-[#a6508a] dark:text-[#cc79a7]',
};

/** The cause of a change: an icon and a word, with the explanation as its title. */
export function CauseBadge({ cause }: { cause: ChangeCause | null }) {
  const { locale } = useI18n();
  const words = insightMessagesFor(locale).causes;
  if (cause === null) return <span className="text-xs text-slate-400">{words.pending}</span>;
  return (
    <span data-cause={cause} title={words.explain[cause]} className={`inline-flex items-center gap-0.5 text-xs ${TONE[cause]}`}>
      <CauseIcon cause={cause} />
      {words.names[cause]}
    </span>
  );
}
