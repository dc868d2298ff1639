import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { createCopyTextToParquet, PARQUET_ROW_GROUP_ROWS } from './copy-text-to-parquet';
import type { ExportColumn } from './export-columns';

const COLUMNS: ExportColumn[] = [
  { name: 'reported_at', type: 'timestamp', nullable: false },
  { name: 'name', type: 'text', nullable: true },
  { name: 'bikes', type: 'int', nullable: false },
  { name: 'ebikes', type: 'int', nullable: true },
  { name: 'is_renting', type: 'boolean', nullable: false },
];

function copyRow(minute: number): string {
  const at = new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
  return `${at}\t${minute % 2 ? '=Torget, "nord"\\tøst' : '\\N'}\t${minute % 21}\t${minute % 3 ? minute % 3 : '\\N'}\t${minute % 5 ? 'true' : 'false'}\n`;
}

async function writeAll(rows: number, chunkRows = 997): Promise<ArrayBuffer> {
  const convert = createCopyTextToParquet(COLUMNS, [['time zone', 'Europe/Oslo']]);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < rows; start += chunkRows) {
    let text = '';
    for (let row = start; row < Math.min(rows, start + chunkRows); row += 1) text += copyRow(row);
    parts.push(convert.push(Buffer.from(text)));
  }
  parts.push(convert.end());
  const file = Buffer.concat(parts);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
}

describe('createCopyTextToParquet', () => {
  it('writes COPY rows as a Parquet file that reads back value for value, nulls and text from the feed as they were', async () => {
    const file = await writeAll(PARQUET_ROW_GROUP_ROWS + 1234);
    const metadata = parquetMetadata(file);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([PARQUET_ROW_GROUP_ROWS, 1234]);
    expect(metadata.key_value_metadata).toEqual([
      { key: 'time zone', value: 'Europe/Oslo' },
      { key: 'rows', value: String(PARQUET_ROW_GROUP_ROWS + 1234) },
    ]);
    const rows = await parquetReadObjects({ file, rowStart: PARQUET_ROW_GROUP_ROWS - 1, rowEnd: PARQUET_ROW_GROUP_ROWS + 2 });
    expect(rows).toEqual(
      [PARQUET_ROW_GROUP_ROWS - 1, PARQUET_ROW_GROUP_ROWS, PARQUET_ROW_GROUP_ROWS + 1].map((minute) => ({
        reported_at: new Date(Date.UTC(2026, 0, 1) + minute * 60_000),
        name: minute % 2 ? '=Torget, "nord"\tøst' : null,
        bikes: minute % 21,
        ebikes: minute % 3 ? minute % 3 : null,
        is_renting: minute % 5 !== 0,
      })),
    );
  });

  it('writes a valid empty file when the range holds no rows', async () => {
    const file = await writeAll(0);
    expect(Number(parquetMetadata(file).num_rows)).toBe(0);
    expect(await parquetReadObjects({ file })).toEqual([]);
  });
});
