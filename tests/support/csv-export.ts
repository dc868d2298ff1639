/** An export as a reader sees it: its `# key: value` lines, column names and rows (RFC 4180 quoting). */
export interface ReadExport {
  comments: Record<string, string>;
  columns: string[];
  rows: Record<string, string>[];
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      at += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** Reads an export whole; the `# …` lines at its start and end are the comments (README, "Exports"). */
export function readCsvExport(text: string): ReadExport {
  const comments: Record<string, string> = {};
  const lines = text.split('\r\n');
  const takeComment = (line: string) => {
    const match = /^# ([^:]+): (.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`not a comment line: ${line}`);
    comments[match[1]] = match[2];
  };
  while (lines[0]?.startsWith('#')) takeComment(lines.shift() ?? '');
  lines.pop();
  if (lines.at(-1)?.startsWith('#')) takeComment(lines.pop() ?? '');
  const [columns = [], ...cells] = parseCsv(lines.join('\r\n') + '\r\n');
  return { comments, columns, rows: cells.map((cell) => Object.fromEntries(columns.map((column, index) => [column, cell[index] ?? '']))) };
}
