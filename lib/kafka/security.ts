import { readFileSync } from 'node:fs';
import { ConfigError, type Env } from '../runtime/env';
import type { BusSecurity } from './bus';

export type KafkaSecuritySettings = Pick<Env, 'KAFKA_SSL' | 'KAFKA_SSL_CA_FILE' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'>;
export type KafkaSecurity = BusSecurity;

function readCaFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`KAFKA_SSL_CA_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * TLS and SASL from the environment. Nothing set means plaintext, which is only for a broker on a
 * private network. TLS verifies the broker's certificate and host name against the system CAs, or
 * against KAFKA_SSL_CA_FILE alone when it is given.
 */
export function kafkaSecurity(settings: KafkaSecuritySettings, readCa: (file: string) => string = readCaFile): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (settings.KAFKA_SSL) security.ssl = settings.KAFKA_SSL_CA_FILE === undefined ? true : { ca: [readCa(settings.KAFKA_SSL_CA_FILE)] };
  const mechanism = settings.KAFKA_SASL_MECHANISM;
  if (mechanism !== undefined) {
    const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = settings;
    if (username === undefined || password === undefined) throw new ConfigError('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
    security.sasl = { mechanism, username, password };
  }
  return security;
}
