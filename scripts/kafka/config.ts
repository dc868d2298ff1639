const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface ServerConfig {
  port: number;
  controllerPort: number;
  /** Absolute path of the directory holding the partition logs and KRaft metadata. */
  logDir: string;
  /** Settings that replace or add to these (tests: a SASL listener beside the plaintext one). */
  extra?: Record<string, string>;
}

/** A single KRaft node acting as broker and controller, with replication factors of 1. */
export function renderServerProperties({ port, controllerPort, logDir, extra }: ServerConfig): string {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': logDir,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'num.partitions': 6,
    'auto.create.topics.enable': false,
    ...extra,
  };
  return toProperties(settings);
}

/**
 * Console logging at WARN plus the "Kafka Server started" line. Two WARNs that a healthy single node
 * prints on every start and stop (controller activation, closing a closed client) are raised to ERROR.
 */
export function renderLog4jProperties(): string {
  return toProperties({
    status: 'error',
    shutdownHook: 'disable',
    'appender.console.type': 'Console',
    'appender.console.name': 'console',
    'appender.console.target': 'SYSTEM_OUT',
    'appender.console.layout.type': 'PatternLayout',
    'appender.console.layout.pattern': '[%d{HH:mm:ss}] %p %m (%c{1})%n',
    'rootLogger.level': 'warn',
    'rootLogger.appenderRef.console.ref': 'console',
    'logger.server.name': 'kafka.server.KafkaRaftServer',
    'logger.server.level': 'info',
    'logger.controller.name': 'org.apache.kafka.controller.QuorumController',
    'logger.controller.level': 'error',
    'logger.network.name': 'org.apache.kafka.clients.NetworkClient',
    'logger.network.level': 'error',
  });
}

/** The port of a `host:port` broker address when the host is this machine, otherwise undefined. */
export function localBrokerPort(address: string): number | undefined {
  const match = /^(.+):(\d+)$/.exec(address);
  if (!match || !LOCAL_HOSTS.has(match[1] ?? '')) return undefined;
  const port = Number(match[2]);
  return port > 0 && port <= 65535 ? port : undefined;
}

function toProperties(settings: Record<string, string | number | boolean>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${escapeValue(String(value))}`)
    .join('\n')
    .concat('\n');
}

/** Java properties treat backslashes as escapes (Windows paths) and drop leading blanks. */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/^ /, '\\ ');
}
