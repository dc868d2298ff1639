import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_DAYS, exportParamsSchema } from './export-params';
import { parseSearchParams } from './params';

const parse = (query: string) => parseSearchParams(exportParamsSchema, new URLSearchParams(query));

describe('exportParamsSchema', () => {
  it('takes a year at most, the last 24 hours by default', () => {
    const year = parse(`from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`);
    expect(year).toEqual({ ok: true, data: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') } });
    const fallback = parse('to=2026-01-02T00:00:00%2B01:00');
    expect(fallback).toEqual({ ok: true, data: { from: new Date('2026-01-01T00:00:00+01:00'), to: new Date('2026-01-02T00:00:00+01:00') } });
  });

  it('refuses a longer, empty or backwards range, and times that are not ISO 8601 with an offset', () => {
    expect(parse('from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:01Z')).toEqual({ ok: false, error: `parameters: at most ${EXPORT_MAX_DAYS} days at a time` });
    expect(parse('from=2026-01-02T00:00:00Z&to=2026-01-02T00:00:00Z')).toEqual({ ok: false, error: 'parameters: `from` must be before `to`' });
    expect(parse('from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z')).toMatchObject({ ok: false });
    for (const bad of ['yesterday', '2026-01-01', '2026-01-01T00:00:00', '0', "' OR 1=1 --"]) {
      expect(parse(`from=${encodeURIComponent(bad)}`), bad).toMatchObject({ ok: false });
    }
    expect(parse('from=2026-01-01T00:00:00Z&from=2026-01-01T00:00:00Z')).toMatchObject({ ok: false });
  });
});
