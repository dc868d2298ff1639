'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '@/components/i18n/locale-provider';
import type { Locale } from '@/lib/i18n/locales';
import type { ChartSeries } from '@/lib/stations/station-series';
import { buildChart, type ChartColors } from './chart-options';
import { usePrefersDark } from '@/lib/hooks/use-prefers-dark';

const HEIGHT = 240;

/** Colours come from CSS custom properties on the container, so they follow light and dark mode. */
function readColors(element: HTMLElement): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return { bikes: read('--chart-bikes'), ebikes: read('--chart-ebikes'), docks: read('--chart-docks'), axis: read('--chart-axis'), grid: read('--chart-grid') };
}

interface Props {
  series: ChartSeries;
  timeZone: string;
  locale: Locale;
  from: number;
  to: number;
  yMax: number;
}

/** Draws the step lines with uPlot, sized to its container's width. */
export function UplotChart({ series, timeZone, locale, from, to, yMax }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const dark = usePrefersDark();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(200, Math.floor(element.clientWidth));
    const { options, data } = buildChart({
      width: width(),
      height: HEIGHT,
      timeZone,
      locale,
      labels: { bikes: t.labels.bikes, ebikes: t.labels.ebikes, docks: t.labels.freeDocks },
      from,
      to,
      yMax,
      series,
      colors: readColors(element),
    });
    const chart = new uPlot(options, data, element);
    const observer = new ResizeObserver(() => {
      if (chart.width !== width()) chart.setSize({ width: width(), height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series, timeZone, locale, t, from, to, yMax, dark]);

  return (
    <div
      ref={container}
      aria-hidden="true"
      className="min-h-[272px] w-full text-slate-700 [--chart-axis:#475569] [--chart-bikes:#2563eb] [--chart-docks:#d97706] [--chart-ebikes:#059669] [--chart-grid:#e2e8f0] dark:text-slate-300 dark:[--chart-axis:#94a3b8] dark:[--chart-bikes:#60a5fa] dark:[--chart-docks:#fbbf24] dark:[--chart-ebikes:#34d399] dark:[--chart-grid:#1e293b]"
    />
  );
}
