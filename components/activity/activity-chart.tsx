'use client';

import { formatDay, formatHourMinute } from '@/components/station/format';
import type { ActivityBucketJson } from '@/lib/api/activity-types';
import type { Locale } from '@/lib/i18n/locales';
import type { InsightMessages } from '@/lib/i18n/messages/insights';
import { barGeometry, CHART } from './activity-scale';

interface Props {
  buckets: ActivityBucketJson[];
  bucket: '15m' | '1h';
  timeZone: string;
  locale: Locale;
  words: InsightMessages['activity'];
}

const COLOURS = { rentals: '#0072b2', returns: '#56b4e9', trucks: '#d55e00' };

/** Riders' bikes stacked above a base line and trucks' bikes below it, one bar per bucket; a table says the same for screen readers. */
export function ActivityChart({ buckets, bucket, timeZone, locale, words }: Props) {
  const { bars, riderMax, truckMax } = barGeometry(buckets);
  const base = CHART.riderHeight + 4;
  const height = base + CHART.truckHeight + CHART.axis;
  // A label every 3 hours for a day of quarter hours, every day for a week of hours.
  const every = bucket === '15m' ? 12 : 24;
  const label = (iso: string) => (bucket === '15m' ? formatHourMinute(new Date(iso), timeZone, locale) : formatDay(new Date(iso), timeZone, locale));
  return (
    <figure className="space-y-2">
      <svg viewBox={`-30 0 ${CHART.width + 34} ${height}`} role="img" aria-label={words.chartLabel} className="h-auto w-full text-slate-500" data-testid="activity-chart">
        <text x={-4} y={10} textAnchor="end" fontSize="10" fill="currentColor">{riderMax}</text>
        <text x={-4} y={base + CHART.truckHeight} textAnchor="end" fontSize="10" fill="currentColor">{truckMax}</text>
        {bars.map((bar, i) => (
          <g key={buckets[i]?.start}>
            <rect x={bar.x} y={base - bar.rentals} width={bar.width} height={bar.rentals} fill={COLOURS.rentals} />
            <rect x={bar.x} y={base - bar.rentals - bar.returns} width={bar.width} height={bar.returns} fill={COLOURS.returns} />
            <rect x={bar.x} y={base} width={bar.width} height={bar.trucks} fill={COLOURS.trucks} />
          </g>
        ))}
        <line x1={0} x2={CHART.width} y1={base} y2={base} stroke="currentColor" strokeWidth="1" />
        {buckets.map((b, i) =>
          i % every === 0 ? (
            <text key={b.start} x={bars[i]?.x ?? 0} y={height - 6} fontSize="10" fill="currentColor">
              {label(b.start)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
        {(['rentals', 'returns', 'trucks'] as const).map((key) => (
          <span key={key} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5" style={{ background: COLOURS[key] }} />
            {words.legend[key]}
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>{words.tableCaption}</caption>
        <thead>
          <tr>
            {Object.values(words.columns).map((name) => <th key={name}>{name}</th>)}
          </tr>
        </thead>
        <tbody>
          {buckets.filter((b) => b.rentals + b.returns + b.rebalancedIn + b.rebalancedOut + b.glitches > 0).map((b) => (
            <tr key={b.start}>
              <td>{label(b.start)}</td><td>{b.rentals}</td><td>{b.returns}</td><td>{b.rebalancedIn}</td><td>{b.rebalancedOut}</td><td>{b.glitches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
