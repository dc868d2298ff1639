import type { StationReportJson } from '@/lib/api/report-types';
import { formatNumber } from '@/lib/i18n/format-number';
import type { Locale } from '@/lib/i18n/locales';
import type { InsightMessages } from '@/lib/i18n/messages/insights';
import { formatMinutes } from '@/lib/time/format-time';

export interface ReportFigure {
  key: string;
  label: string;
  value: string;
  hint?: string;
}

/** A report card's lines, in the order a rider cares about: could I get a bike, then who moved them. */
export function reportFigures(card: StationReportJson, words: InsightMessages['report'], locale: Locale): ReportFigure[] {
  const n = (value: number) => formatNumber(value, locale);
  return [
    { key: 'empty', label: words.empty, value: formatMinutes(card.emptyMinutes, locale) },
    { key: 'full', label: words.full, value: formatMinutes(card.fullMinutes, locale) },
    { key: 'longest-empty', label: words.longestEmpty, value: formatMinutes(card.longestEmptyMinutes, locale) },
    { key: 'usable', label: words.usable, value: card.usableDaytimeShare === null ? '–' : `${formatNumber(card.usableDaytimeShare * 100, locale)} %` },
    { key: 'riders', label: words.riders, value: `${n(card.rentals)} / ${n(card.returns)}` },
    { key: 'trucks', label: words.trucks, value: `${n(card.truckIn)} / ${n(card.truckOut)}` },
    { key: 'glitches', label: words.glitches, value: n(card.glitches) },
    { key: 'silent', label: words.silent, value: formatMinutes(card.silentMinutes, locale), hint: words.silentHint },
  ];
}
