import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../runtime/env';
import { kafkaSecurity } from './security';

const fromEnv = (source: Record<string, string>, readCa?: (file: string) => string) => kafkaSecurity(parseEnv(source), readCa);

describe('kafkaSecurity', () => {
  it('is plaintext when nothing is configured', () => {
    expect(fromEnv({})).toEqual({});
  });

  it('turns on TLS with the system CAs', () => {
    expect(fromEnv({ KAFKA_SSL: '1' })).toEqual({ ssl: true });
    expect(fromEnv({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
    expect(fromEnv({ KAFKA_SSL: '0' })).toEqual({});
  });

  it('trusts only the given CA file, read once', () => {
    const reads: string[] = [];
    const security = fromEnv({ KAFKA_SSL: '1', KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' }, (file) => (reads.push(file), '-----BEGIN CERTIFICATE-----'));

    expect(security).toEqual({ ssl: { ca: ['-----BEGIN CERTIFICATE-----'] } });
    expect(reads).toEqual(['/etc/kafka/ca.pem']);
  });

  it('names the CA file it cannot read', () => {
    expect(() => fromEnv({ KAFKA_SSL: '1', KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' })).toThrow(new ConfigError('KAFKA_SSL_CA_FILE: cannot read /nonexistent/ca.pem (ENOENT)'));
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('passes SASL %s with its credentials, over TLS or not', (mechanism) => {
    const credentials = { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: 'bikestream', KAFKA_SASL_PASSWORD: 's3cret pass' };

    expect(fromEnv(credentials)).toEqual({ sasl: { mechanism, username: 'bikestream', password: 's3cret pass' } });
    expect(fromEnv({ ...credentials, KAFKA_SSL: '1' })).toEqual({ ssl: true, sasl: { mechanism, username: 'bikestream', password: 's3cret pass' } });
  });
});

describe('parseEnv: Kafka security settings', () => {
  const problem = (source: Record<string, string>) => {
    try {
      parseEnv(source);
      return 'accepted';
    } catch (error) {
      return error instanceof ConfigError ? error.message : 'not a ConfigError';
    }
  };

  it('refuses a SASL mechanism without both credentials', () => {
    expect(problem({ KAFKA_SASL_MECHANISM: 'plain' })).toMatch(/KAFKA_SASL_MECHANISM: needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
    expect(problem({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })).toMatch(/needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
  });

  it('refuses credentials without a mechanism, which would silently connect without them', () => {
    expect(problem({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM: must be set/);
  });

  it('refuses an unknown mechanism and a CA file without TLS', () => {
    expect(problem({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toMatch(/KAFKA_SASL_MECHANISM/);
    expect(problem({ KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' })).toMatch(/KAFKA_SSL: must be 1 when KAFKA_SSL_CA_FILE is set/);
  });
});
