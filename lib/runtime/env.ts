import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isAllowedHostEntry } from '../net/outbound-policy';
import { readSystemsFile, type FeedSystem } from '../gbfs/systems-file';

export const DEFAULT_GBFS_URL = 'https://gbfs.urbansharing.com/oslobysykkel.no/gbfs.json';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bikestream';

const positiveInt = z.coerce.number().int().positive();
const flag = z.enum(['0', '1', 'false', 'true']).transform((value) => value === '1' || value === 'true');
const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean));

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default(DEFAULT_DATABASE_URL),
  /** Set by `npm run migrate` as the passwords of the read-only web role and the consumer's role. */
  WEB_DB_PASSWORD: z.string().min(8).optional(),
  CONSUMER_DB_PASSWORD: z.string().min(8).optional(),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
    .refine((brokers) => brokers.length > 0 && brokers.every((b) => /^[\w.-]+:\d+$/.test(b)), {
      message: 'must be a comma-separated list of host:port',
    }),
  KAFKA_DATA_DIR: z.string().default('.data/kafka'),
  /** Where `npm start` and `npm run kafka` cache the broker jars; unset = .data/kafka-lib in the repository. */
  KAFKA_LIB_DIR: z.string().optional(),
  KAFKA_CLIENT_ID: z.string().default('bikestream'),
  /** The Kafka client library behind lib/kafka/bus.ts; platformatic needs Node >= 22 (README "How it works"). */
  KAFKA_CLIENT: z.enum(['kafkajs', 'platformatic']).default('kafkajs'),
  /** Prepended to every topic name: lets tests and side-by-side installs share a broker. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[\w.-]*$/).default(''),
  KAFKA_CONSUMER_GROUP: z.string().default('bikestream-consumer'),
  /** The alerts worker's own consumer group on the status topic (workers/alerts). */
  KAFKA_ALERTS_GROUP: z.string().default('bikestream-alerts'),
  /** The operator's webhook alerts (lib/alerts/alerts-file.ts); unset = no alerts worker. */
  ALERTS_FILE: z.string().optional(),
  /** Transitions older than this when the worker reads them (a backlog, a first start) are stored but not sent. */
  ALERTS_MAX_AGE_SECONDS: positiveInt.default(3600),
  /** Attempts of one webhook before it is given up; retries back off exponentially up to ALERTS_RETRY_CAP_SECONDS. */
  ALERTS_MAX_ATTEMPTS: positiveInt.max(100).default(12),
  ALERTS_RETRY_BASE_MS: positiveInt.default(1_000),
  ALERTS_RETRY_CAP_SECONDS: positiveInt.default(600),
  /** How long a consumer that stopped heartbeating (killed, frozen) keeps its partitions; the broker allows 6 s to 30 min. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(1_800_000).default(30_000),
  KAFKA_STATUS_PARTITIONS: positiveInt.default(6),
  KAFKA_TOPIC_REPLICATION: positiveInt.max(5).default(1),
  /** TLS to the brokers (system CAs, or KAFKA_SSL_CA_FILE). */
  KAFKA_SSL: flag.default(false),
  KAFKA_SSL_CA_FILE: z.string().optional(),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  GBFS_URL: z
    .string()
    .default(DEFAULT_GBFS_URL)
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1)),
  GBFS_CLIENT_ID: z.string().min(1).default('bikestream-dashboard'),
  GBFS_LANGUAGE: z.string().optional(),
  /** A JSON list of systems to poll; when set it replaces GBFS_URL. */
  SYSTEMS_FILE: z.string().optional(),
  GBFS_TIMEOUT_SECONDS: positiveInt.default(10),
  HEARTBEAT_SECONDS: positiveInt.default(300),
  /** Another copy of the official GBFS JSON Schemas (v2.3/, v3.0/); unset = the copy in lib/gbfs/schemas. */
  GBFS_SCHEMA_DIR: z.string().optional(),
  /** Floor under a feed's ttl, so a ttl of 0 cannot turn polling into a flood. */
  POLL_MIN_MS: z.coerce.number().int().min(0).default(1_000),
  FEED_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),
  /** Hosts besides the configured feed's own that discovered feed URLs may point at: host or host:port. */
  GBFS_ALLOWED_HOSTS: commaList.refine((hosts) => hosts.every(isAllowedHostEntry), { message: 'must be host names or host:port, comma-separated' }).default([]),
  PORT: positiveInt.max(65535).default(3000),
  /** The address the web server listens on; unset means every interface. */
  WEB_HOST: z.string().optional(),
  /** Requests per minute per client on /api/*; 0 turns the limit off (benchmarks). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_BURST: positiveInt.default(60),
  /** Server-rendered pages run several queries each: their own, smaller per-client budget. */
  PAGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  PAGE_RATE_LIMIT_BURST: positiveInt.default(30),
  /** Live streams (/api/stream) one client may hold open, and the process in all (beyond: 429 / 503, and pages poll). */
  STREAM_PER_CLIENT: positiveInt.default(8),
  STREAM_MAX: positiveInt.default(5_000),
  /** How many reverse proxies in front of the web app append to X-Forwarded-For; 0 = trust only the socket. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The web app only reads: it refuses to run as a database superuser unless this is set. */
  ALLOW_SUPERUSER_WEB: flag.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** `json`: one JSON object per log line (pino), for log shippers; unset = json when NODE_ENV=production, else logfmt text. */
  LOG_FORMAT: z.enum(['text', 'json']).optional(),
  NODE_ENV: z.string().optional(),
});

/** Half a Kafka security setting would connect without it, or fail at the first request: refuse it at start. */
const withKafkaSecurity = envSchema.superRefine((config, ctx) => {
  const sasl = [config.KAFKA_SASL_USERNAME, config.KAFKA_SASL_PASSWORD];
  if (config.KAFKA_SASL_MECHANISM !== undefined && sasl.some((value) => value === undefined))
    ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_MECHANISM'], message: 'needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD' });
  if (config.KAFKA_SASL_MECHANISM === undefined && sasl.some((value) => value !== undefined))
    ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_MECHANISM'], message: 'must be set when a SASL username or password is (plain, scram-sha-256 or scram-sha-512)' });
  if (config.KAFKA_SSL_CA_FILE !== undefined && !config.KAFKA_SSL) ctx.addIssue({ code: 'custom', path: ['KAFKA_SSL'], message: 'must be 1 when KAFKA_SSL_CA_FILE is set' });
});

/** The systems the producer polls: SYSTEMS_FILE's list, or GBFS_URL's, with GBFS_CLIENT_ID/GBFS_LANGUAGE as defaults. */
const withFeedSystems = withKafkaSecurity.transform((config, ctx) => {
  const fallback = { clientId: config.GBFS_CLIENT_ID, language: config.GBFS_LANGUAGE };
  let feedSystems: FeedSystem[] = config.GBFS_URL.map((url) => ({ url, ...fallback }));
  if (config.SYSTEMS_FILE !== undefined) {
    const file = readSystemsFile(config.SYSTEMS_FILE);
    if (!file.ok) {
      ctx.addIssue({ code: 'custom', path: ['SYSTEMS_FILE'], message: file.reason });
      return z.NEVER;
    }
    feedSystems = file.entries.map((entry) => ({ url: entry.url, clientId: entry.clientId ?? fallback.clientId, language: entry.language ?? fallback.language }));
  }
  return { ...config, feedSystems };
});

export type Env = z.infer<typeof withFeedSystems>;

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one readable line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = withFeedSystems.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * `.env` in the working directory, read the way Node's --env-file-if-exists reads it (a variable
 * already set wins) but silently when there is none; children inherit what it set.
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    loadDotEnv();
    cached = parseEnv(process.env);
  }
  return cached;
}
