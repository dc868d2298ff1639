/** The orders the report card table and API offer: worst first for each. */
export const REPORT_SORTS = ['empty-minutes', 'full-minutes', 'usable-share', 'longest-empty', 'silent-minutes', 'glitches', 'rentals', 'truck-moves'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export const REPORT_DAYS = [1, 7, 30] as const;
export type ReportDays = (typeof REPORT_DAYS)[number];
