export const SCHEMA_VERSIONS = ['2.3', '3.0'] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/**
 * Which official schema a feed is checked against: its own version when a schema for it exists,
 * 3.0 for any 3.x, and 2.3 for 1.x and 2.0–2.2 (no schemas are kept for those; 2.3 is their closest
 * superset, so what it reports is what a 2.3 reader would trip over).
 */
export function schemaVersionFor(declared: string | null): { version: SchemaVersion; exact: boolean } {
  if (declared === '2.3' || declared === '3.0') return { version: declared, exact: true };
  if (declared?.startsWith('3.')) return { version: '3.0', exact: false };
  return { version: '2.3', exact: false };
}
