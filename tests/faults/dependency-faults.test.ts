import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareBadFeed } from './scenarios/bad-feed';
import { prepareDatabaseOutage } from './scenarios/database-outage';
import { preparePoisonMessages } from './scenarios/poison-messages';
import type { Scenario } from './scenarios/scenario';

// What the pipeline depends on misbehaves: PostgreSQL goes away, the feed lies, Kafka carries junk.
// Each scenario has its own database, topics and processes, so they run side by side.
describe.concurrent('dependencies that fail or lie', () => {
  let databaseOutage: Scenario | undefined;
  let badFeed: Scenario | undefined;
  let poison: Scenario | undefined;

  beforeAll(async () => {
    const brokers = inject('faultBrokers');
    await Promise.all([
      prepareDatabaseOutage(brokers).then((scenario) => (databaseOutage = scenario)),
      prepareBadFeed(brokers).then((scenario) => (badFeed = scenario)),
      preparePoisonMessages(brokers).then((scenario) => (poison = scenario)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([databaseOutage?.close(), badFeed?.close(), poison?.close()]);
  });

  it('PostgreSQL unavailable for 20 s: the consumer retries, /api/health says 503, then everything catches up', ({ expect }) => databaseOutage?.run(expect));

  it('a bad feed: polling goes on, bad things are dead-lettered, no wrong number is stored, the feed shows stale while broken', ({ expect }) =>
    badFeed?.run(expect));

  it('poison messages on the status topic are dead-lettered and the good ones after them are stored', ({ expect }) => poison?.run(expect));
});
