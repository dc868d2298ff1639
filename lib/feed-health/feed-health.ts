import type { FeedProblem, SchemaProblem } from './problem-schema';
import { schemaVersionFor, type SchemaVersion } from './schema-version';

export interface SchemaCheck {
  /** The schema version the feed was checked against; null when the check is off. */
  checkedAgainst: SchemaVersion | null;
  /** True when that is the version the feed declares. */
  exact: boolean;
  /** What a person reads: "checked against 2.3", or "schema check off" with the reason. */
  label: string;
  problems: SchemaProblem[];
  /** How many places in the feed break the schema (the sum of the problems' counts). */
  problemCount: number;
}

/** What the stored gbfs_version and feed_problems say about a system's conformance. */
export function schemaCheck(gbfsVersion: string | null, feedProblems: readonly FeedProblem[]): SchemaCheck {
  const off = feedProblems.find((problem) => problem.kind === 'schema-check-off');
  const problems = feedProblems.filter((problem): problem is SchemaProblem => problem.kind === 'schema');
  const problemCount = problems.reduce((sum, problem) => sum + problem.count, 0);
  // With the check off, what is left is what the producer checks itself (the time zone).
  if (off) return { checkedAgainst: null, exact: false, label: `schema check off (${off.message})`, problems, problemCount };
  const against = schemaVersionFor(gbfsVersion);
  return {
    checkedAgainst: against.version,
    exact: against.exact,
    label: `checked against ${against.version}`,
    problems,
    problemCount,
  };
}
