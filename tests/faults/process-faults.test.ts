import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareConsumerKills } from './scenarios/consumer-kills';
import { prepareProducerKills } from './scenarios/producer-kills';
import type { Scenario } from './scenarios/scenario';
import { prepareShutdown } from './scenarios/shutdown';

// Each scenario has its own database, topics, consumer group and feed, so they run side by side:
// the consumer kills spend most of their time waiting for dead members' sessions to expire.
describe.concurrent('processes killed, stopped and crashed', () => {
  let consumerKills: Scenario | undefined;
  let producerKills: Scenario | undefined;
  let shutdown: Awaited<ReturnType<typeof prepareShutdown>> | undefined;

  beforeAll(async () => {
    const brokers = inject('faultBrokers');
    await Promise.all([
      prepareConsumerKills(brokers).then((scenario) => (consumerKills = scenario)),
      prepareProducerKills(brokers).then((scenario) => (producerKills = scenario)),
      prepareShutdown(brokers).then((scenario) => (shutdown = scenario)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([consumerKills?.close(), producerKills?.close(), shutdown?.close()]);
  });

  it('consumer SIGKILLed five times mid-replay: exactly the served changes are stored, none twice', ({ expect }) => consumerKills?.run(expect));

  it('producer SIGKILLed twice mid-replay: nothing lost beyond what it never published, no false change on restart', ({ expect }) => producerKills?.run(expect));

  it('SIGTERM stops producer, consumer and web within 10 s with exit code 0; a stop and restart mid-replay loses nothing', ({ expect }) =>
    shutdown?.graceful(expect));

  it('a producer with GBFS_URL=notaurl exits 1 with one clear line and no stack trace', ({ expect }) => shutdown?.producerBadUrl(expect));

  it('a consumer whose database does not exist exits 1 with one clear line and no stack trace', ({ expect }) => shutdown?.consumerMissingDatabase(expect));
});
