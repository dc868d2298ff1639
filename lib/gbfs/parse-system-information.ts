import type { SchemaProblem } from '../feed-health/problem-schema';
import type { SchemaVersion } from '../feed-health/schema-version';
import { timeZoneProblem } from '../feed-health/time-zone-problem';
import { timeZoneOrUtc } from '../time/time-zone';
import { systemInformationSchema } from './feeds';
import { describeZodError, FeedError } from './errors';
import { parseEnvelope } from './parse-envelope';
import { pickLanguage } from './primitives';
import type { SystemInfo } from './types';

export function parseSystemInformation(body: unknown, language?: string): SystemInfo & { ttl: number } {
  const envelope = parseEnvelope('system_information', body);
  const result = systemInformationSchema.safeParse(envelope.data);
  if (!result.success) throw new FeedError('system_information', describeZodError(result.error));
  const info = result.data;
  const preferred = language ?? info.language ?? info.languages?.[0];
  return {
    systemId: info.system_id,
    name: pickLanguage(info.name, preferred),
    // Not a time zone (a typo, or text meant for a query or a page): times are shown in UTC instead.
    timezone: timeZoneOrUtc(info.timezone),
    language: info.language ?? info.languages?.[0] ?? null,
    operator: info.operator ? pickLanguage(info.operator, preferred) : null,
    licenseUrl: info.license_url ?? null,
    ttl: envelope.ttl,
  };
}

/** What is wrong with a system_information file's timezone, read from the raw file; null when nothing is. */
export function systemTimeZoneProblem(body: unknown, checkedAgainst: SchemaVersion): SchemaProblem | null {
  const data: unknown = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  return timeZoneProblem(data && typeof data === 'object' ? (data as { timezone?: unknown }).timezone : undefined, checkedAgainst);
}
