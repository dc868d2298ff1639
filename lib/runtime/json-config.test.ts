import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonConfig, readJsonConfig } from './json-config';

const schema = z.array(z.strictObject({ url: z.url() }));
const at = (path: readonly PropertyKey[]) => (path.length ? ` at ${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}` : '');

describe('JSON config files', () => {
  it('gives the data when the file is good', () => {
    expect(parseJsonConfig('f.json', '[{"url":"https://a.example/"}]', schema, at)).toEqual({ ok: true, data: [{ url: 'https://a.example/' }] });
  });

  it('names the file and the place of the first problem, on one line', () => {
    expect(parseJsonConfig('f.json', '[{"url":"nope"}]', schema, at)).toEqual({ ok: false, reason: 'f.json at [0].url: Invalid URL' });
    const notJson = parseJsonConfig('f.json', '[{', schema, at);
    expect(notJson.ok === false && notJson.reason).toMatch(/^f\.json is not JSON \(.+\)$/);
  });

  it('says a missing file is missing', () => {
    expect(readJsonConfig('/nonexistent/f.json', schema, at)).toEqual({ ok: false, reason: 'cannot read /nonexistent/f.json (no such file)' });
  });
});
