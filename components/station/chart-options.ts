import uPlot from 'uplot';
import type { Locale } from '@/lib/i18n/locales';
import type { ChartSeries } from '@/lib/stations/station-series';
import { formatDay, formatHourMinute, formatWhen } from './format';

export interface ChartColors {
  bikes: string;
  ebikes: string;
  docks: string;
  axis: string;
  grid: string;
}

export interface ChartInput {
  width: number;
  height: number;
  timeZone: string;
  locale: Locale;
  /** The series' names in the legend. */
  labels: { bikes: string; ebikes: string; docks: string };
  /** The visible window, in unix seconds. */
  from: number;
  to: number;
  yMax: number;
  series: ChartSeries;
  colors: ChartColors;
}

const DAY_SECONDS = 86_400;

function tickLabels(timeZone: string, locale: Locale) {
  return (_chart: uPlot, splits: number[], _axis: number, _space: number, increment: number) =>
    splits.map((split) => {
      const date = new Date(split * 1000);
      const time = formatHourMinute(date, timeZone, locale);
      return increment >= DAY_SECONDS || time === '00:00' ? formatDay(date, timeZone, locale) : time;
    });
}

function countLabel(_chart: uPlot, value: number | null): string {
  return value === null ? '–' : String(value);
}

/** uPlot options and columns for the station's step lines, in the system's timezone. */
export function buildChart(input: ChartInput): { options: uPlot.Options; data: uPlot.AlignedData } {
  const { series, colors, timeZone, locale, labels } = input;
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const line = (label: string, stroke: string, extra: Partial<uPlot.Series> = {}): uPlot.Series => ({
    label,
    stroke,
    width: 2,
    paths: stepped,
    points: { show: false },
    value: countLabel,
    ...extra,
  });
  const lines: uPlot.Series[] = [line(labels.bikes, colors.bikes, { fill: `${colors.bikes}22` })];
  const columns: uPlot.AlignedData[number][] = [series.x, series.bikes];
  if (series.ebikes) {
    lines.push(line(labels.ebikes, colors.ebikes, { width: 1.5, dash: [5, 3] }));
    columns.push(series.ebikes);
  }
  if (series.docks) {
    lines.push(line(labels.docks, colors.docks));
    columns.push(series.docks);
  }
  const axis = { stroke: colors.axis, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
  const now = new Date(input.to * 1000);
  return {
    data: columns as uPlot.AlignedData,
    options: {
      width: input.width,
      height: input.height,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timeZone),
      scales: {
        x: { time: true, auto: false, range: () => [input.from, input.to] },
        y: { auto: false, range: () => [0, input.yMax] },
      },
      series: [{ value: (_chart, seconds: number | null) => (seconds === null ? '–' : formatWhen(new Date(seconds * 1000), timeZone, now, locale)) }, ...lines],
      axes: [
        { ...axis, space: 64, values: tickLabels(timeZone, locale) },
        { ...axis, size: 36, incrs: [1, 2, 5, 10, 20, 50, 100] },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
    },
  };
}
