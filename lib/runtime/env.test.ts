import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    ['GBFS_ALLOWED_HOSTS', 'cdn.example.net,https://files.example.org/'],
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

describe('SYSTEMS_FILE', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bikestream-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const systemsFile = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('polls the Oslo feed with the default client id when neither it nor GBFS_URL is set', () => {
    expect(parseEnv({}).feedSystems).toEqual([{ url: DEFAULT_GBFS_URL, clientId: 'bikestream-dashboard', language: undefined }]);
  });

  it('gives every GBFS_URL the shared GBFS_CLIENT_ID and GBFS_LANGUAGE', () => {
    const config = parseEnv({ GBFS_URL: 'http://a.example/gbfs.json,http://b.example/gbfs.json', GBFS_CLIENT_ID: 'me-app', GBFS_LANGUAGE: 'nb' });
    expect(config.feedSystems).toEqual([
      { url: 'http://a.example/gbfs.json', clientId: 'me-app', language: 'nb' },
      { url: 'http://b.example/gbfs.json', clientId: 'me-app', language: 'nb' },
    ]);
  });

  it("replaces GBFS_URL, each system with its own client id and language, GBFS_CLIENT_ID/GBFS_LANGUAGE filling the gaps", () => {
    const file = systemsFile(
      'two.json',
      JSON.stringify([
        { url: 'https://gbfs.example/oslo/gbfs.json', clientId: 'acme-oslo', language: 'nb' },
        { url: 'http://127.0.0.1:8181/gbfs.json' },
      ]),
    );
    const config = parseEnv({ SYSTEMS_FILE: file, GBFS_URL: 'https://ignored.example/gbfs.json', GBFS_CLIENT_ID: 'acme', GBFS_LANGUAGE: 'en' });
    expect(config.feedSystems).toEqual([
      { url: 'https://gbfs.example/oslo/gbfs.json', clientId: 'acme-oslo', language: 'nb' },
      { url: 'http://127.0.0.1:8181/gbfs.json', clientId: 'acme', language: 'en' },
    ]);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nowhere.json'), /SYSTEMS_FILE: cannot read .*nowhere\.json \(no such file\)/],
    ['bad JSON', () => systemsFile('bad.json', '[{"url": '), /SYSTEMS_FILE: .*bad\.json is not JSON/],
    ['an empty list', () => systemsFile('empty.json', '[]'), /SYSTEMS_FILE: .*empty\.json: lists no systems/],
    ['an object instead of a list', () => systemsFile('object.json', '{"url":"http://a.example/gbfs.json"}'), /SYSTEMS_FILE: .*object\.json: must be a JSON list/],
    ['a bad URL', () => systemsFile('url.json', '[{"url":"http://ok.example/gbfs.json"},{"url":"ftp://x/gbfs.json"}]'), /SYSTEMS_FILE: .*url\.json at \[1\]\.url: must be an http\(s\) URL/],
    ['a misspelt key', () => systemsFile('key.json', '[{"url":"http://ok.example/gbfs.json","clientID":"x"}]'), /SYSTEMS_FILE: .*key\.json at \[0\]: .*clientID/],
    ['the same url twice', () => systemsFile('twice.json', '[{"url":"http://a.example/gbfs.json"},{"url":"http://a.example/gbfs.json"}]'), /lists the same url twice/],
  ])('stops with one line naming SYSTEMS_FILE and the file for %s', (_case, file, message) => {
    const error = configError({ SYSTEMS_FILE: file() });
    expect(error.message).toMatch(/^Invalid configuration: /);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});
