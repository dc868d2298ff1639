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
    timezone: info.timezone,
    language: info.language ?? info.languages?.[0] ?? null,
    operator: info.operator ? pickLanguage(info.operator, preferred) : null,
    licenseUrl: info.license_url ?? null,
    ttl: envelope.ttl,
  };
}
