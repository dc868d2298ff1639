import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareProducerRenewal } from './scenarios/producer-renewal';
import type { Scenario } from './scenarios/scenario';

describe('a Kafka send that fails half-way', () => {
  let scenario: Scenario | undefined;

  beforeAll(async () => {
    scenario = await prepareProducerRenewal(inject('faultBrokers'));
  });

  afterAll(async () => {
    await scenario?.close();
  });

  it('the producer renews itself and publishes everything the feed said meanwhile; a change under an unchanged last_reported is restamped', ({ expect }) =>
    scenario?.run(expect));
});
