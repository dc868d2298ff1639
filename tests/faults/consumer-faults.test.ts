import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareDatabaseRefuses } from './scenarios/database-refuses';
import { prepareRebalanceOutage } from './scenarios/rebalance-outage';
import type { Scenario } from './scenarios/scenario';

// The consumer's own promises under faults: its own databases, topics and groups, side by side.
describe.concurrent('the consumer when PostgreSQL is away or refuses', () => {
  let rebalance: Scenario | undefined;
  let refuses: Scenario | undefined;

  beforeAll(async () => {
    const brokers = inject('faultBrokers');
    await Promise.all([prepareRebalanceOutage(brokers).then((scenario) => (rebalance = scenario)), prepareDatabaseRefuses(brokers).then((scenario) => (refuses = scenario))]);
  });

  afterAll(async () => {
    await Promise.all([rebalance?.close(), refuses?.close()]);
  });

  it('PostgreSQL down while the group rebalances (one of two consumers killed and restarted): no other exit, nothing committed past an unstored offset', ({ expect }) =>
    rebalance?.run(expect));

  it('a constraint that refuses every row stops the consumer with its name, nothing committed or dead-lettered; dropped, everything is stored', ({ expect }) =>
    refuses?.run(expect));
});
