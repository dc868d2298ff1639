import { describe, expect, it } from 'vitest';
import { createRefusalTally, SYSTEMIC_MIN_REFUSED, SystemicRefusalError } from './refusals';
import { writeOrSplit } from './split-write';

/** What pg throws inside Drizzle's wrapper for a CHECK constraint. */
function checkViolation() {
  const cause = Object.assign(new Error('new row for relation "station_status" violates check constraint "evil"'), {
    code: '23514',
    constraint: 'evil',
    table: 'station_status',
  });
  return new Error('Failed query: insert into "station_status" ...', { cause });
}

/** A database that refuses every row for which `bad` is true, a batch at a time, counting its transactions. */
function database(bad: (row: number) => boolean) {
  const stored: number[] = [];
  let transactions = 0;
  const write = async (rows: number[]) => {
    transactions += 1;
    if (rows.some(bad)) throw checkViolation();
    stored.push(...rows);
    return rows.length;
  };
  return { write, stored, transactions: () => transactions };
}

const rows = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('writeOrSplit', () => {
  it('stores a clean batch in one transaction', async () => {
    const db = database(() => false);

    const result = await writeOrSplit(rows(500), db.write, createRefusalTally().begin('t/0'));

    expect(result).toEqual({ inserted: 500, refused: [] });
    expect(db.transactions()).toBe(1);
  });

  it('refuses one bad row among thousands alone, storing all the others', async () => {
    const db = database((row) => row === 4_321);

    const result = await writeOrSplit(rows(9_000), db.write, createRefusalTally().begin('t/0'));

    expect(result.refused.map((refused) => refused.row)).toEqual([4_321]);
    expect(result.inserted).toBe(8_999);
    expect(db.stored.sort((a, b) => a - b)).toEqual(rows(9_000).filter((row) => row !== 4_321));
  });

  it('dead-letters a cluster of bad rows at the start of a big batch, as the good rows outnumber them', async () => {
    const db = database((row) => row < 20);

    const result = await writeOrSplit(rows(9_000), db.write, createRefusalTally().begin('t/0'));

    expect(result.refused).toHaveLength(20);
    expect(result.inserted).toBe(8_980);
  });

  it('stops after a handful of rows, naming the constraint, when the database refuses every row', async () => {
    const db = database(() => true);

    const failure = await writeOrSplit(rows(9_000), db.write, createRefusalTally().begin('gbfs.station-status.v1/2')).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SystemicRefusalError);
    expect(String(failure)).toMatch(/refused 5 rows of gbfs\.station-status\.v1\/2 .*SQLSTATE 23514 \(constraint "evil" on station_status\)/);
    expect(db.stored).toEqual([]);
    // Down the halves to single rows, then the handful of single rows: not thousands.
    expect(db.transactions()).toBeLessThan(2 * Math.log2(9_000) + SYSTEMIC_MIN_REFUSED + 3);
  });

  it('stops when most rows are refused even if some are stored', async () => {
    const db = database((row) => row % 4 !== 0);

    await expect(writeOrSplit(rows(64), db.write, createRefusalTally().begin('t/0'))).rejects.toThrow(SystemicRefusalError);
  });

  it('judges a stream of small batches of one partition together: the fifth refused row in a row stops it', async () => {
    const tally = createRefusalTally();
    const db = database(() => true);
    const outcomes: string[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      const refusals = tally.begin('t/0');
      try {
        const result = await writeOrSplit([batch * 2, batch * 2 + 1], db.write, refusals);
        refusals.settle();
        outcomes.push(`refused ${result.refused.length}`);
      } catch (error) {
        outcomes.push(error instanceof SystemicRefusalError ? 'stopped' : String(error));
      }
    }

    expect(outcomes).toEqual(['refused 2', 'refused 2', 'stopped']);
  });

  it('forgets a refused row once the partition stores more rows than it refused', async () => {
    const tally = createRefusalTally();
    const good = database((row) => row < 0);
    const bad = database(() => true);
    for (let round = 0; round < 10; round += 1) {
      const refusals = tally.begin('t/0');
      await writeOrSplit([round], bad.write, refusals);
      refusals.settle();
      const next = tally.begin('t/0');
      await writeOrSplit([100 + round, 200 + round], good.write, next);
      next.settle();
    }

    expect(good.stored).toHaveLength(20);
  });

  it('throws an error that is not about the data, for the caller to retry the whole batch', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

    await expect(writeOrSplit(rows(10), () => Promise.reject(down), createRefusalTally().begin('t/0'))).rejects.toBe(down);
  });
});
