import { isDataError, type BatchRefusals } from './refusals';

export interface Refused<Row> {
  row: Row;
  error: unknown;
}

/**
 * Writes `rows` in one go; if PostgreSQL refuses them as data (SQLSTATE 22/23), finds the rows it
 * refuses by writing halves, so one bad row does not block the partition. Both halves are tried
 * before either is split further: the rows that can be stored are counted before the refused ones
 * pile up, so `refusals` can tell a few bad rows from a database that refuses everything (it throws
 * then). Any other error is thrown, for the caller to retry the whole batch.
 */
export async function writeOrSplit<Row>(
  rows: Row[],
  write: (rows: Row[]) => Promise<number>,
  refusals: BatchRefusals,
): Promise<{ inserted: number; refused: Refused<Row>[] }> {
  const refused: Refused<Row>[] = [];
  let inserted = 0;
  const attempt = async (part: Row[]): Promise<boolean> => {
    try {
      inserted += await write(part);
      refusals.stored(part.length);
      return true;
    } catch (error) {
      const [row] = part;
      if (!isDataError(error) || row === undefined) throw error;
      if (part.length > 1) return false;
      refused.push({ row, error });
      refusals.refused(error);
      return true;
    }
  };
  if (await attempt(rows)) return { inserted, refused };
  const toSplit = [rows];
  for (let part = toSplit.pop(); part; part = toSplit.pop()) {
    const middle = Math.ceil(part.length / 2);
    const halves = [part.slice(0, middle), part.slice(middle)];
    const failed: Row[][] = [];
    for (const half of halves) if (!(await attempt(half))) failed.push(half);
    toSplit.push(...failed.reverse());
  }
  return { inserted, refused };
}
