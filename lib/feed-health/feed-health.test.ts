import { describe, expect, it } from 'vitest';
import { schemaCheck } from './feed-health';
import type { SchemaProblem } from './problem-schema';

const problem = (count: number, pointer = '/data/stations/*/is_installed'): SchemaProblem => ({ kind: 'schema', feed: 'station_status', pointer, message: 'must be boolean', count, exampleStationId: '1', checkedAgainst: '2.3' });

describe('schemaCheck', () => {
  it('adds up how often the feed breaks its schema', () => {
    const check = schemaCheck('2.3', [problem(260), problem(3, '/data/stations/*/is_renting')]);
    expect(check).toMatchObject({ checkedAgainst: '2.3', exact: true, label: 'checked against 2.3', problemCount: 263 });
    expect(check.problems).toHaveLength(2);
  });

  it('says a 1.x or 2.2 feed was checked against 2.3', () => {
    expect(schemaCheck(null, [])).toMatchObject({ checkedAgainst: '2.3', exact: false, label: 'checked against 2.3', problemCount: 0 });
    expect(schemaCheck('2.2', []).exact).toBe(false);
  });

  it('says when the check is off, and why, instead of claiming the feed conforms', () => {
    const check = schemaCheck('2.3', [{ kind: 'schema-check-off', message: 'no GBFS schemas at /srv/schemas' }]);
    expect(check).toMatchObject({ checkedAgainst: null, label: 'schema check off (no GBFS schemas at /srv/schemas)', problemCount: 0, problems: [] });
  });

  it('still lists the problems the producer finds itself while the check is off', () => {
    const zone = { kind: 'schema' as const, feed: 'system_information', pointer: '/data/timezone', message: 'not an IANA time zone name; times are shown in UTC', count: 1, exampleStationId: null, checkedAgainst: '2.3' };
    const check = schemaCheck('2.3', [{ kind: 'schema-check-off', message: 'no GBFS schemas at /srv/schemas' }, zone]);
    expect(check).toMatchObject({ checkedAgainst: null, label: 'schema check off (no GBFS schemas at /srv/schemas)', problemCount: 1, problems: [zone] });
  });
});
