import { useI18n } from '@/components/i18n/locale-provider';
import type { HistoryRange } from '@/lib/hooks/station-keys';
import type { RangeSummary, Span } from '@/lib/stations/station-series';

const spanText = (span: Span) => (span.min === span.max ? `${span.min}` : `${span.min}–${span.max}`);

/** The chart in words: what a screen reader announces and what anyone can read at a glance. */
export function AvailabilitySummary({ id, summary, range }: { id: string; summary: RangeSummary | null; range: HistoryRange }) {
  const { t } = useI18n();
  const spans = summary && {
    bikes: spanText(summary.bikes),
    ebikes: summary.ebikes ? spanText(summary.ebikes) : null,
    docks: summary.docks ? spanText(summary.docks) : null,
  };
  return (
    <p id={id} data-testid="availability-summary" className="text-sm text-slate-600 dark:text-slate-400">
      {summary && spans ? t.station.summary(range, spans, summary.reports) : t.station.noSummary(range)}
    </p>
  );
}
