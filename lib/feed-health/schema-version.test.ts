import { describe, expect, it } from 'vitest';
import { schemaVersionFor } from './schema-version';

describe('schemaVersionFor', () => {
  it('checks 2.3 and 3.0 feeds against their own schema', () => {
    expect(schemaVersionFor('2.3')).toEqual({ version: '2.3', exact: true });
    expect(schemaVersionFor('3.0')).toEqual({ version: '3.0', exact: true });
  });

  it('checks 1.x (no version), 2.0–2.2 and unknown versions against 2.3, and later 3.x against 3.0, saying so', () => {
    for (const declared of [null, '1.0', '1.1', '2.0', '2.2', 'banana']) expect(schemaVersionFor(declared)).toEqual({ version: '2.3', exact: false });
    expect(schemaVersionFor('3.1-RC')).toEqual({ version: '3.0', exact: false });
  });
});
