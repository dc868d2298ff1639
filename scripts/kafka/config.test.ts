import { describe, expect, it } from 'vitest';
import { localBrokerPort, renderLog4jProperties, renderServerProperties } from './config';

function parse(properties: string): Map<string, string> {
  return new Map(properties.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

describe('renderServerProperties', () => {
  const settings = parse(renderServerProperties({ port: 19092, controllerPort: 19093, logDir: '/tmp/kafka/data' }));

  it('runs one KRaft node as broker and controller on loopback', () => {
    expect(settings.get('process.roles')).toBe('broker,controller');
    expect(settings.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(settings.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(settings.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(settings.get('log.dirs')).toBe('/tmp/kafka/data');
  });

  it('uses replication factor 1 for internal topics so consumer groups work on one node', () => {
    expect(settings.get('offsets.topic.replication.factor')).toBe('1');
    expect(settings.get('transaction.state.log.replication.factor')).toBe('1');
    expect(settings.get('share.coordinator.state.topic.replication.factor')).toBe('1');
  });

  it('leaves topic creation to the workers', () => {
    expect(settings.get('auto.create.topics.enable')).toBe('false');
    expect(settings.get('num.partitions')).toBe('6');
  });

  it('escapes backslashes in paths', () => {
    const windows = parse(renderServerProperties({ port: 9092, controllerPort: 9093, logDir: 'C:\\kafka\\data' }));
    expect(windows.get('log.dirs')).toBe('C:\\\\kafka\\\\data');
  });
});

describe('renderLog4jProperties', () => {
  it('logs warnings to the console and announces startup', () => {
    const settings = parse(renderLog4jProperties());
    expect(settings.get('rootLogger.level')).toBe('warn');
    expect(settings.get('appender.console.type')).toBe('Console');
    expect(settings.get('logger.server.name')).toBe('kafka.server.KafkaRaftServer');
  });
});

describe('localBrokerPort', () => {
  it('returns the port of a loopback address', () => {
    expect(localBrokerPort('127.0.0.1:9092')).toBe(9092);
    expect(localBrokerPort('localhost:19092')).toBe(19092);
  });

  it('refuses other hosts and bad ports', () => {
    expect(localBrokerPort('kafka:9092')).toBeUndefined();
    expect(localBrokerPort('10.0.0.5:9092')).toBeUndefined();
    expect(localBrokerPort('127.0.0.1:0')).toBeUndefined();
    expect(localBrokerPort('127.0.0.1:70000')).toBeUndefined();
  });
});
