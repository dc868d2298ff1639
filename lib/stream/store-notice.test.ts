import { describe, expect, it } from 'vitest';
import { parseStoreNotice, statusNotices } from './store-notice';

describe('store notices', () => {
  it('are one per system of a batch, covering its reports', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      statusNotices([
        { systemId: 'oslo', reportedAt: at('2026-12-07T10:00:05Z') },
        { systemId: 'bergen', reportedAt: at('2026-12-07T10:00:00Z') },
        { systemId: 'oslo', reportedAt: at('2026-12-07T09:59:55Z') },
      ]),
    ).toEqual([
      { kind: 'status', system: 'oslo', from: '2026-12-07T09:59:55.000Z', to: '2026-12-07T10:00:05.000Z' },
      { kind: 'status', system: 'bergen', from: '2026-12-07T10:00:00.000Z', to: '2026-12-07T10:00:00.000Z' },
    ]);
  });

  it('round-trip through the payload a listener parses', () => {
    const [notice] = statusNotices([{ systemId: 'oslo', reportedAt: new Date('2026-12-07T10:00:00Z') }]);
    expect(parseStoreNotice(JSON.stringify(notice))).toEqual(notice);
    expect(parseStoreNotice(JSON.stringify({ kind: 'system', system: 'oslo' }))).toEqual({ kind: 'system', system: 'oslo' });
  });

  it('turn away anything else another role could NOTIFY', () => {
    for (const payload of [
      undefined,
      '',
      'not json',
      '{"kind":"status","system":"oslo"}',
      '{"kind":"status","system":"oslo","from":"yesterday","to":"2026-12-07T10:00:00Z"}',
      JSON.stringify({ kind: 'system', system: 'oslo', sql: 'DROP TABLE stations' }),
      JSON.stringify({ kind: 'system', system: 'x'.repeat(201) }),
      JSON.stringify({ kind: 'purge', system: 'oslo' }),
      'x'.repeat(9_000),
    ]) {
      expect(parseStoreNotice(payload)).toBeNull();
    }
  });
});
