import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSchemaChecker } from './schema-check';

describe('createSchemaChecker', () => {
  it('turns the check off, saying where it looked, when the schema folder is missing', () => {
    const checker = createSchemaChecker('/nonexistent/gbfs-schema');
    expect(checker.off).toBe('no GBFS schemas at /nonexistent/gbfs-schema');
    expect(checker.check('station_status', {}, '2.3')).toEqual([]);
  });

  it('turns the check off instead of throwing when a schema file is missing or broken', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gbfs-schema-'));
    mkdirSync(path.join(dir, 'v2.3'));
    writeFileSync(path.join(dir, 'v2.3', 'gbfs.json'), '{ not json');
    expect(createSchemaChecker(dir).off).toMatch(/unusable/);
  });
});
