/**
 * CSV as RFC 4180 writes it (comma, CRLF, double quotes doubled), plus the defence spreadsheets
 * need: a text cell starting with = + - @ (or a tab or carriage return) would run as a formula, so it
 * gets a leading apostrophe (OWASP "CSV injection").
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell from outside (a station name, an id): made inert, then quoted if it must be. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export const CSV_NEWLINE = '\r\n';

export function csvRow(cells: readonly string[]): string {
  return cells.join(',') + CSV_NEWLINE;
}

/**
 * The leading `# key: value` lines every export starts with (README, "Exports"). Values from a feed
 * (a name, a licence URL) lose their control characters, so none can end the line and start a row.
 */
export function csvCommentLines(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([key, value]) => `# ${key}: ${value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim()}${CSV_NEWLINE}`).join('');
}

/** A download's file name from ids the client chose: only [A-Za-z0-9._-], never empty, never hidden. */
export function exportFilename(parts: readonly string[], extension: string): string {
  const safe = parts
    .map((part) => part.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60))
    .filter((part) => part.length > 0);
  return `${['bikestream', ...safe].join('-')}.${extension}`;
}
