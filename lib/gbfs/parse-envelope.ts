import { envelopeSchema } from './feeds';
import { describeZodError, FeedError } from './errors';

export interface Envelope {
  lastUpdated: number;
  ttl: number;
  version: string | null;
  data: Record<string, unknown>;
}

export function parseEnvelope(feed: string, body: unknown): Envelope {
  const result = envelopeSchema.safeParse(body);
  if (!result.success) throw new FeedError(feed, `not a GBFS file (${describeZodError(result.error)})`);
  const { last_updated, ttl, version, data } = result.data;
  return { lastUpdated: last_updated, ttl, version: version ?? null, data };
}
