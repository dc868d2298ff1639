import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_URL, DEFAULT_GBFS_URL, parseEnv } from './env';

function configError(source: Parameters<typeof parseEnv>[0]): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('parseEnv accepted the configuration');
}

describe('parseEnv', () => {
  it('runs against local Kafka, local PostgreSQL and the Oslo feed when nothing is set', () => {
    const config = parseEnv({});

    expect(config.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(DEFAULT_DATABASE_URL).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432\//);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.GBFS_URL).toEqual([DEFAULT_GBFS_URL]);
    expect(DEFAULT_GBFS_URL).toBe('https://gbfs.urbansharing.com/oslobysykkel.no/gbfs.json');
    expect(config.GBFS_LANGUAGE).toBeUndefined();
    expect(config.HEARTBEAT_SECONDS).toBe(300);
    expect(config.PORT).toBe(3000);
  });

  it('splits comma-separated broker and feed lists, trimming spaces and dropping blanks', () => {
    const config = parseEnv({
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9093,',
      GBFS_URL: 'https://a.example.com/gbfs.json , http://b.example.com/gbfs.json',
    });

    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9093']);
    expect(config.GBFS_URL).toEqual(['https://a.example.com/gbfs.json', 'http://b.example.com/gbfs.json']);
  });

  it('reads numbers from their text form', () => {
    const config = parseEnv({ HEARTBEAT_SECONDS: '60', POLL_MIN_MS: '0', PORT: '8080', KAFKA_STATUS_PARTITIONS: '3' });

    expect(config).toMatchObject({ HEARTBEAT_SECONDS: 60, POLL_MIN_MS: 0, PORT: 8080, KAFKA_STATUS_PARTITIONS: 3 });
  });

  it('treats empty strings as unset, as docker-compose and .env files leave them', () => {
    const config = parseEnv({ DATABASE_URL: '', KAFKA_BROKERS: '', GBFS_URL: '', GBFS_LANGUAGE: '', PORT: '' });

    expect(config.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.GBFS_URL).toEqual([DEFAULT_GBFS_URL]);
    expect(config.GBFS_LANGUAGE).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/bikes'],
    ['KAFKA_BROKERS', 'localhost'],
    ['GBFS_URL', 'ftp://example.com/gbfs.json'],
    ['GBFS_URL', 'https://ok.example.com/gbfs.json,not a url'],
    ['HEARTBEAT_SECONDS', 'five minutes'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'verbose'],
  ])('rejects a bad %s with a one-line ConfigError naming it', (name, value) => {
    const error = configError({ [name]: value });

    expect(error.message).toMatch(/^Invalid configuration: /);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
  });

  it('names every bad variable, not only the first', () => {
    const error = configError({ PORT: '0', LOG_LEVEL: 'loud' });

    expect(error.message).toContain('PORT');
    expect(error.message).toContain('LOG_LEVEL');
  });
});
