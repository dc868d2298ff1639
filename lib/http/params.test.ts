import { describe, expect, it } from 'vitest';
import { changesParamsSchema, parseSearchParams } from './params';

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
