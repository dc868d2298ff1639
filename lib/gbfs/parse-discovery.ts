import { discoveryDataSchema, feedLinkSchema } from './feeds';
import { describeZodError, FeedError } from './errors';
import { parseEnvelope } from './parse-envelope';

export interface Discovery {
  ttl: number;
  version: string | null;
  language: string | null;
  feeds: Map<string, string>;
}

/** Reads gbfs.json (1.x/2.x keyed by language, or 3.0's flat list) into feed name → URL. */
export function parseDiscovery(body: unknown, language?: string): Discovery {
  const envelope = parseEnvelope('gbfs', body);
  const result = discoveryDataSchema.safeParse(envelope.data);
  if (!result.success) throw new FeedError('gbfs', `no feed list (${describeZodError(result.error)})`);
  const data = result.data;
  let chosenLanguage: string | null = null;
  let rawFeeds: unknown[];
  if (Array.isArray(data.feeds)) {
    rawFeeds = data.feeds;
  } else {
    const byLanguage = data as Record<string, { feeds: unknown[] }>;
    const languages = Object.keys(byLanguage);
    chosenLanguage = (language && languages.find((key) => key.toLowerCase() === language.toLowerCase())) || languages[0] || null;
    rawFeeds = chosenLanguage ? (byLanguage[chosenLanguage]?.feeds ?? []) : [];
  }
  const feeds = new Map<string, string>();
  for (const raw of rawFeeds) {
    const link = feedLinkSchema.safeParse(raw);
    if (link.success && !feeds.has(link.data.name)) feeds.set(link.data.name, link.data.url);
  }
  if (!feeds.has('station_status')) throw new FeedError('gbfs', 'no station_status feed listed');
  return { ttl: envelope.ttl, version: envelope.version, language: chosenLanguage, feeds };
}
