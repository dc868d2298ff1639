/** What a column of an export holds: `text` comes from the feed (ids, names); the rest our own SQL printed. */
export type ExportColumnType = 'timestamp' | 'int' | 'boolean' | 'text';

export interface ExportColumn {
  name: string;
  type: ExportColumnType;
  nullable: boolean;
}
