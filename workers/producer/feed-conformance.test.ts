import { describe, expect, it } from 'vitest';
import type { SchemaProblem } from '../../lib/feed-health/problem-schema';
import type { SchemaChecker } from '../../lib/gbfs/schema-check';
import type { Logger } from '../../lib/runtime/log';
import { FeedConformance } from './feed-conformance';

const problem = (count: number): SchemaProblem => ({ kind: 'schema', feed: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count, exampleStationId: 'a', checkedAgainst: '2.3' });

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = { debug: () => undefined, info: (message: string) => void lines.push(message), warn: (message: string) => void lines.push(message), error: () => undefined };
  return { log, lines };
}

/** A checker that answers whatever the test put in `next`, and remembers the versions it was asked about. */
function fakeChecker() {
  const asked: (string | null)[] = [];
  const checker: SchemaChecker & { next: SchemaProblem[] } = {
    off: null,
    next: [],
    check(_feed, _document, version) {
      asked.push(version);
      return checker.next;
    },
  };
  return { checker, asked };
}

describe('FeedConformance', () => {
  it('logs problems when they first appear and when their kinds change, not on every poll as counts move', () => {
    const { log, lines } = recordingLog();
    const { checker } = fakeChecker();
    const conformance = new FeedConformance(checker, log);
    checker.next = [problem(3)];
    for (const count of [3, 4, 5]) {
      checker.next = [problem(count)];
      conformance.check('station_status', { version: '2.3' });
      expect(conformance.problems('oslo')).toEqual([problem(count)]);
    }
    expect(lines).toEqual(['feed does not conform to its GBFS schema']);
    checker.next = [];
    conformance.check('station_status', { version: '2.3' });
    expect(conformance.problems('oslo')).toEqual([]);
    expect(lines).toEqual(['feed does not conform to its GBFS schema', 'feed conforms to its GBFS schema']);
  });

  it('keeps a file’s last result while it answers 304, and checks each file by its own version, else gbfs.json’s', () => {
    const { log } = recordingLog();
    const { checker, asked } = fakeChecker();
    const conformance = new FeedConformance(checker, log);
    checker.next = [problem(2)];
    conformance.check('gbfs', { version: '2.2' });
    conformance.check('station_status', {});
    conformance.check('vehicle_types', { version: '2.3' });
    expect(asked).toEqual(['2.2', '2.2']);
    expect(conformance.gbfsVersion()).toBe('2.2');
    expect(conformance.problems('x')).toHaveLength(2);
    expect(conformance.problems('x')).toHaveLength(2);
  });

  it('reports the check as off, with the reason, when the schemas are missing', () => {
    const { log } = recordingLog();
    const conformance = new FeedConformance({ off: 'no GBFS schemas at /srv/x', check: () => [problem(1)] }, log);
    conformance.check('station_status', { version: '2.3' });
    expect(conformance.problems('x')).toEqual([{ kind: 'schema-check-off', message: 'no GBFS schemas at /srv/x' }]);
    expect(conformance.gbfsVersion()).toBe('2.3');
  });

  it('keeps a hostile declared version short and free of control characters, so the system message stays storable', () => {
    const { log } = recordingLog();
    const conformance = new FeedConformance(undefined, log);
    conformance.check('gbfs', { version: `2.3\u0000${'9'.repeat(100)}` });
    expect(conformance.gbfsVersion()).toBe(`2.3${'9'.repeat(17)}`);
  });
});
