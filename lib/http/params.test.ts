import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_POINTS } from '../queries/history';
import { changesParamsSchema, historyParamsSchema, parseSearchParams } from './params';

const parse = (query: string) => parseSearchParams(changesParamsSchema, new URLSearchParams(query));

describe('changesParamsSchema', () => {
  it('takes one of a few page sizes, 50 by default', () => {
    expect(parse('')).toMatchObject({ ok: true, data: { limit: 50 } });
    for (const limit of [20, 50, 100, 500, 1000]) expect(parse(`limit=${limit}`)).toMatchObject({ ok: true, data: { limit } });
  });

  it('refuses any other limit with the sizes it accepts, so the shared-response cache keeps few keys', () => {
    for (const limit of ['7', '49', '050', '50.0', '1e3', ' 50', '1001', '-20', 'abc', '']) {
      expect(parse(`limit=${encodeURIComponent(limit)}`)).toEqual({ ok: false, error: 'limit: must be one of 20, 50, 100, 500, 1000' });
    }
  });
});

describe('historyParamsSchema', () => {
  const history = (query: string) => parseSearchParams(historyParamsSchema, new URLSearchParams(query));

  it('pages by `limit` (a whole page by default) and `before`, the `next` the page before gave', () => {
    expect(history('')).toMatchObject({ ok: true, data: { limit: MAX_HISTORY_POINTS, before: null } });
    expect(history('limit=25&before=2026-01-01T00:00:00.000Z')).toMatchObject({ ok: true, data: { limit: 25, before: new Date('2026-01-01T00:00:00Z') } });
  });

  it('refuses a page size it does not serve, and a `before` that is not a time', () => {
    for (const limit of ['0', '-1', '1.5', '1e3', '020', '20001', '99999999999', 'abc', '']) {
      expect(history(`limit=${encodeURIComponent(limit)}`), limit).toMatchObject({ ok: false });
    }
    expect(history('before=yesterday')).toMatchObject({ ok: false });
  });
});
