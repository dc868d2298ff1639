import { describe, expect, it } from 'vitest';
import type { SchemaProblem } from '../../lib/feed-health/problem-schema';
import type { SchemaChecker } from '../../lib/gbfs/schema-check';
import type { Logger } from '../../lib/runtime/log';
import { FeedConformance } from './feed-conformance';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const systemInformation = (timezone: unknown) => ({ version: '2.3', data: { system_id: 's', name: 'S', language: 'en', timezone } });
const timeZoneProblem: SchemaProblem = {
  kind: 'schema',
  feed: 'system_information',
  pointer: '/data/timezone',
  message: 'not an IANA time zone name; times are shown in UTC',
  count: 1,
  exampleStationId: null,
  checkedAgainst: '2.3',
};

function checkerFinding(problems: SchemaProblem[]): SchemaChecker {
  return { off: null, check: (feed) => problems.filter((problem) => problem.feed === feed) };
}

describe('FeedConformance: the time zone', () => {
  it('reports a timezone that names no zone, with the schema check off too', () => {
    const conformance = new FeedConformance({ off: 'no GBFS schemas at /nowhere', check: () => [] }, quiet);
    conformance.check('system_information', systemInformation('Mars/Olympus'));

    expect(conformance.problems('s')).toEqual([{ kind: 'schema-check-off', message: 'no GBFS schemas at /nowhere' }, timeZoneProblem]);
  });

  it('replaces the schema’s own complaint about the same field, and keeps the rest', () => {
    const enumProblem: SchemaProblem = { ...timeZoneProblem, message: 'must be equal to one of the allowed values' };
    const other: SchemaProblem = { ...timeZoneProblem, pointer: '/data/name', message: 'must be string' };
    const conformance = new FeedConformance(checkerFinding([enumProblem, other]), quiet);
    conformance.check('system_information', systemInformation("'; DROP TABLE systems; --"));

    expect(conformance.problems('s')).toEqual([timeZoneProblem, other]);
  });

  it('forgets it once the feed sends a real zone', () => {
    const conformance = new FeedConformance(checkerFinding([]), quiet);
    conformance.check('system_information', systemInformation('x'.repeat(5_000)));
    expect(conformance.problems('s')).toEqual([timeZoneProblem]);

    conformance.check('system_information', systemInformation('Europe/Oslo'));
    expect(conformance.problems('s')).toEqual([]);
  });

  it('stays within the message’s cap of problems', () => {
    const many = Array.from({ length: 40 }, (_, index): SchemaProblem => ({ ...timeZoneProblem, feed: 'station_status', pointer: `/data/p${index}` }));
    const conformance = new FeedConformance({ off: null, check: (feed) => (feed === 'station_status' ? many : []) }, quiet);
    conformance.check('system_information', systemInformation(42));
    conformance.check('station_status', { version: '2.3' });

    const problems = conformance.problems('s');
    expect(problems).toHaveLength(40);
    expect(problems[0]).toEqual(timeZoneProblem);
  });
});
