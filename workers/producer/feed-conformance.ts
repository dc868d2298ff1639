import { FEED_NAMES, MAX_FEED_PROBLEMS, type FeedProblem, type SchemaProblem } from '../../lib/feed-health/problem-schema';
import { schemaVersionFor } from '../../lib/feed-health/schema-version';
import { systemTimeZoneProblem } from '../../lib/gbfs/parse-system-information';
import { isCheckedFeed, type SchemaChecker } from '../../lib/gbfs/schema-check';
import type { Logger } from '../../lib/runtime/log';
import { replaceControlCharacters } from '../../lib/text/control-characters';

const LOGGED_PROBLEMS = 5;

function declaredVersion(document: unknown): string | null {
  const version: unknown = document && typeof document === 'object' ? (document as { version?: unknown }).version : undefined;
  // It goes on the system message and into a text column: short and free of control characters.
  return typeof version === 'string' ? replaceControlCharacters(version, '').slice(0, 20) : null;
}

const signature = (problems: SchemaProblem[]) => problems.map((problem) => `${problem.feed} ${problem.pointer} ${problem.message}`).join('\n');

/**
 * One system's latest schema check per feed file. A file answered with 304 keeps its last result.
 * Problems are logged when their kinds change (counts move every poll and are not news).
 */
export class FeedConformance {
  private readonly latest = new Map<string, SchemaProblem[]>();
  private readonly versions = new Map<string, string | null>();
  /** Reported with the schema check on or off: it changes what the pages show. */
  private timeZone: SchemaProblem | null = null;
  private logged = '';

  constructor(
    private readonly checker: SchemaChecker | undefined,
    private readonly log: Logger,
  ) {}

  check(feed: string, document: unknown): void {
    if (!isCheckedFeed(feed)) return;
    const version = declaredVersion(document) ?? this.versions.get('gbfs') ?? null;
    this.versions.set(feed, version);
    if (feed === 'system_information') this.timeZone = systemTimeZoneProblem(document, schemaVersionFor(version).version);
    if (this.checker && this.checker.off === null) this.latest.set(feed, this.checker.check(feed, document, version));
  }

  /** The version gbfs.json declares, else station_status's; null for 1.x feeds, which declare none. */
  gbfsVersion(): string | null {
    return this.versions.get('gbfs') ?? this.versions.get('station_status') ?? null;
  }

  problems(systemId: string): FeedProblem[] {
    const own = this.timeZone ? [this.timeZone] : [];
    if (!this.checker || this.checker.off !== null) return [{ kind: 'schema-check-off', message: this.checker?.off ?? 'schema check not configured' }, ...own];
    const checked = FEED_NAMES.flatMap((feed) => this.latest.get(feed) ?? []).filter((problem) => !own.some((mine) => mine.feed === problem.feed && mine.pointer === problem.pointer));
    const problems = [...own, ...checked].slice(0, MAX_FEED_PROBLEMS);
    const now = signature(problems);
    if (now !== this.logged) {
      if (problems.length === 0) this.log.info('feed conforms to its GBFS schema', { system: systemId, version: this.gbfsVersion() });
      else
        this.log.warn('feed does not conform to its GBFS schema', {
          system: systemId,
          version: this.gbfsVersion(),
          checkedAgainst: problems[0]?.checkedAgainst,
          kinds: problems.length,
          problems: problems.slice(0, LOGGED_PROBLEMS).map((problem) => `${problem.feed}${problem.pointer} ${problem.message} x${problem.count}`).join('; '),
        });
      this.logged = now;
    }
    return problems;
  }
}
