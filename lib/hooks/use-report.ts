import useSWR from 'swr';
import type { ReportResponse } from '../api/report-types';
import type { ReportDays, ReportSort } from '../stations/insights/report-card/report-sorts';
import { fetchJson } from './fetch-json';
import { stationReportKey, systemReportKey } from './insight-keys';
import { liveOptions } from './live-options';

const options = { ...liveOptions, revalidateIfStale: true, keepPreviousData: true, refreshInterval: 30_000 };

/** Every station's report card, worst first by `sort`; today's part is recomputed every 30 s (workers/classifier/report-round.ts). */
export function useSystemReport(systemId: string, days: ReportDays, sort: ReportSort) {
  return useSWR<ReportResponse, Error>(systemReportKey(systemId, days, sort), fetchJson, options);
}

export function useStationReport(systemId: string, stationId: string, days: ReportDays) {
  return useSWR<ReportResponse, Error>(stationReportKey(systemId, stationId, days), fetchJson, options);
}
