import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { prepareDeadLetterFlood } from './scenarios/dead-letter-flood';
import { prepareMalformedFeedFlood } from './scenarios/malformed-feed-flood';
import type { Scenario } from './scenarios/scenario';

// Junk whose dead letters are bigger than a Kafka request may be, on the status topic and in a feed.
describe.concurrent('dead letters cannot wedge the pipeline', () => {
  let flood: Scenario | undefined;
  let malformedFeed: Scenario | undefined;

  beforeAll(async () => {
    const brokers = inject('faultBrokers');
    await Promise.all([
      prepareDeadLetterFlood(brokers).then((scenario) => (flood = scenario)),
      prepareMalformedFeedFlood(brokers).then((scenario) => (malformedFeed = scenario)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([flood?.close(), malformedFeed?.close()]);
  });

  it('40 values of 60 KB control characters and 2 MB of junk on one partition: the consumer stays up and commits past them', ({ expect }) => flood?.run(expect));

  it('a feed of 5,000 malformed station records and 10 good ones: the producer stays up and the 10 are stored', ({ expect }) => malformedFeed?.run(expect));
});
