import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { nullableText } from '../queries/copy-text';
import { createCopyLines } from './copy-lines';
import type { ExportColumn, ExportColumnType } from './export-columns';

/** Rows a row group holds: a few MB of columns at most, the whole of what an export keeps in memory. */
export const PARQUET_ROW_GROUP_ROWS = 50_000;

const PARQUET_TYPES = { timestamp: 'TIMESTAMP', int: 'INT32', boolean: 'BOOLEAN', text: 'STRING' } as const;

type Cell = number | boolean | string | null;

const READ: Record<ExportColumnType, (text: string) => Cell> = {
  // Milliseconds since the epoch: the writer stores TIMESTAMP_MILLIS (UTC).
  timestamp: (text) => Date.parse(text),
  int: Number,
  boolean: (text) => text === 'true',
  text: (text) => text,
};

/** Hands each flushed stretch of the file on instead of growing one buffer (as hyparquet-writer's own fileWriter does for files). */
class FlushingByteWriter extends ByteWriter {
  readonly flushed: Uint8Array[] = [];

  flush(): void {
    this.flushed.push(this.getBytes().slice());
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }

  take(): Buffer {
    const bytes = Buffer.concat(this.flushed);
    this.flushed.length = 0;
    return bytes;
  }
}

/**
 * Turns PostgreSQL's COPY text output into a Parquet file row group by row group
 * (hyparquet-writer's ParquetWriter, snappy): rows gather until a group is full, the group is
 * written and its bytes handed on, so memory holds one group. `metadata` becomes the file's
 * key-value metadata, with `rows` added at the end.
 */
export function createCopyTextToParquet(columns: readonly ExportColumn[], metadata: readonly (readonly [string, string])[]) {
  const writer = new FlushingByteWriter();
  const schema = schemaFromColumnData({
    columnData: columns.map((column) => ({ name: column.name, data: [], type: PARQUET_TYPES[column.type], nullable: column.nullable })),
  });
  const kvMetadata = metadata.map(([key, value]) => ({ key, value }));
  const parquet = new ParquetWriter({ writer, schema, kvMetadata, createdBy: 'bikestream' });
  const readers = columns.map((column) => READ[column.type]);
  let group: Cell[][] = columns.map(() => []);
  let grouped = 0;
  const writeGroup = () => {
    if (grouped === 0) return;
    void parquet.write({ columnData: columns.map((column, index) => ({ name: column.name, data: group[index] ?? [] })), rowGroupSize: grouped });
    group = columns.map(() => []);
    grouped = 0;
  };
  const lines = createCopyLines(columns.length, (fields) => {
    fields.forEach((field, index) => {
      const text = nullableText(field);
      group[index]?.push(text === null ? null : (readers[index]?.(text) ?? null));
    });
    grouped += 1;
    if (grouped >= PARQUET_ROW_GROUP_ROWS) writeGroup();
  });
  return {
    push(chunk: Buffer): Uint8Array {
      lines.push(chunk);
      return writer.take();
    },
    end(): Uint8Array {
      lines.end();
      writeGroup();
      kvMetadata.push({ key: 'rows', value: String(lines.rows) });
      void parquet.finish();
      return writer.take();
    },
    get rows(): number {
      return lines.rows;
    },
  };
}
