import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSchemaChecker } from '../../lib/gbfs/schema-check';
import { requireSharedData, SHARED_DATA } from '../support/shared-data';

const OSLO = path.join(SHARED_DATA, 'gbfs', 'oslo');
const BERGEN = path.join(SHARED_DATA, 'gbfs', 'bergen');
const haveData = requireSharedData('the conformance check of real feeds', OSLO);

const read = (folder: string, file: string): unknown => JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
const versionOf = (document: unknown) => (document as { version?: string }).version ?? null;

describe.skipIf(!haveData)('conformance of real feeds against the official GBFS schemas', () => {
  const checker = createSchemaChecker();

  it('has the schemas on', () => {
    expect(checker.off).toBeNull();
  });

  it('finds the 2022 Oslo station_status (declares 2.2) sends is_installed/is_renting/is_returning as 0/1, at all 260 stations', () => {
    const document = read(OSLO, 'station_status.1666551803.json');
    const problems = checker.check('station_status', document, versionOf(document));
    expect(problems.map(({ pointer, message, count, checkedAgainst }) => ({ pointer, message, count, checkedAgainst }))).toEqual(
      ['is_installed', 'is_renting', 'is_returning'].map((field) => ({ pointer: `/data/stations/*/${field}`, message: 'must be boolean', count: 260, checkedAgainst: '2.3' })),
    );
    expect(problems[0]?.exampleStationId).toBe('2351');
  });

  it('finds the September 2024 and April 2025 Oslo station_status (2.3, vehicle types) conformant', () => {
    for (const file of ['station_status.1725900210.json', 'station_status.1743466320.json']) {
      const document = read(OSLO, file);
      expect(versionOf(document), file).toBe('2.3');
      expect(checker.check('station_status', document, '2.3'), file).toEqual([]);
    }
  });

  it('finds Oslo station_information (2.2) and system_information (2.3) conformant, not faulting 2.2 for its version', () => {
    const information = read(OSLO, 'station_information.json');
    expect(versionOf(information)).toBe('2.2');
    expect(checker.check('station_information', information, '2.2')).toEqual([]);
    expect(checker.check('system_information', read(OSLO, 'system_information.json'), '2.3')).toEqual([]);
  });

  it('checks a 2018 Bergen (1.x, no version) station_status against 2.3 and counts its integer booleans per station', () => {
    const document = read(BERGEN, 'station_status.json');
    const problems = checker.check('station_status', document, null);
    expect(problems.every((problem) => problem.checkedAgainst === '2.3')).toBe(true);
    expect(problems.find((problem) => problem.pointer === '/data/stations/*/is_renting')).toMatchObject({ message: 'must be boolean', count: 30 });
    expect(problems.some((problem) => problem.pointer === '' && /version/.test(problem.message))).toBe(false);
  });
});
