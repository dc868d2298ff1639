import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareBrokerKill } from './scenarios/broker-kill';
import type { Scenario } from './scenarios/scenario';

describe('the Kafka broker killed with SIGKILL and restarted (same port, same data)', () => {
  let scenario: Scenario | undefined;

  beforeAll(async () => {
    scenario = await prepareBrokerKill(inject('faultBrokers'), inject('brokerControlUrl'));
  });

  afterAll(async () => {
    await scenario?.close();
  });

  it('producer and consumer reconnect on their own and nothing acknowledged is lost', ({ expect }) => scenario?.run(expect));
});
