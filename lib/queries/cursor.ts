import { z } from 'zod';

/** Opaque paging cursor for the change feed: the (reported_at, station_id) of the last change shown. */
export interface ChangeCursor {
  reportedAt: Date;
  stationId: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

export function encodeCursor(cursor: ChangeCursor): string {
  return Buffer.from(JSON.stringify([cursor.reportedAt.toISOString(), cursor.stationId])).toString('base64url');
}

export function decodeCursor(text: string): ChangeCursor | null {
  if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { reportedAt: new Date(parsed.data[0]), stationId: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
