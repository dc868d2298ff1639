import type { RangeSummary, Span } from '@/lib/stations/station-series';

const spanText = (span: Span) => (span.min === span.max ? `${span.min}` : `${span.min}–${span.max}`);

/** The chart in words: what a screen reader announces and what anyone can read at a glance. */
export function AvailabilitySummary({ id, summary, rangeLabel }: { id: string; summary: RangeSummary | null; rangeLabel: string }) {
  return (
    <p id={id} data-testid="availability-summary" className="text-sm text-slate-600 dark:text-slate-400">
      {summary ? (
        <>
          Over the last {rangeLabel}: bikes {spanText(summary.bikes)}
          {summary.ebikes && <>, e-bikes {spanText(summary.ebikes)}</>}
          {summary.docks && <>, free docks {spanText(summary.docks)}</>} ({summary.reports} {summary.reports === 1 ? 'report' : 'reports'}).
        </>
      ) : (
        `No reports in the last ${rangeLabel}.`
      )}
    </p>
  );
}
