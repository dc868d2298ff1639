import { describe, expect, it } from 'vitest';
import { hasControlCharacter } from '../text/control-characters';
import { MAX_PROBLEMS_PER_FEED, summariseSchemaErrors, type SchemaError } from './summarise-problems';

const stations = Array.from({ length: 3000 }, (_, index) => ({ station_id: `s${index}` }));
const document = { version: '2.2', data: { stations } };
const typeError = (index: number, field: string): SchemaError => ({ instancePath: `/data/stations/${index}/${field}`, keyword: 'type', message: 'must be boolean', params: { type: 'boolean' } });
const exact = { version: '2.3', exact: true } as const;
const older = { version: '2.3', exact: false } as const;

describe('summariseSchemaErrors', () => {
  it('folds thousands of per-station errors into one counted problem with an example station', () => {
    const errors = stations.map((_, index) => typeError(index, 'is_installed'));
    expect(summariseSchemaErrors('station_status', document, errors, exact)).toEqual([
      { kind: 'schema', feed: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 3000, exampleStationId: 's0', checkedAgainst: '2.3' },
    ]);
  });

  it('keeps different fields and different messages apart, biggest first', () => {
    const errors = [
      typeError(5, 'is_renting'),
      { instancePath: '/data/stations/7', keyword: 'required', message: "must have required property 'num_docks_available'", params: { missingProperty: 'num_docks_available' } },
      typeError(1, 'is_installed'),
      typeError(2, 'is_installed'),
    ];
    const problems = summariseSchemaErrors('station_status', document, errors, exact);
    expect(problems.map((problem) => [problem.pointer, problem.message, problem.count, problem.exampleStationId])).toEqual([
      ['/data/stations/*/is_installed', 'must be boolean', 2, 's1'],
      ['/data/stations/*', "must have required property 'num_docks_available'", 1, 's7'],
      ['/data/stations/*/is_renting', 'must be boolean', 1, 's5'],
    ]);
  });

  it('says what a const or enum wanted', () => {
    const problems = summariseSchemaErrors('gbfs', {}, [
      { instancePath: '/version', keyword: 'const', message: 'must be equal to constant', params: { allowedValue: '2.3' } },
      { instancePath: '/data/stations/0/rental_methods/0', keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: ['KEY', 'CREDITCARD'] } },
    ], exact);
    expect(problems.map((problem) => problem.message).sort()).toEqual(['must be "2.3"', 'must be one of "KEY", "CREDITCARD"']);
  });

  it('does not blame an older feed checked against 2.3 for not saying "2.3"', () => {
    const errors = [
      { instancePath: '/version', keyword: 'const', message: 'must be equal to constant', params: { allowedValue: '2.3' } },
      { instancePath: '', keyword: 'required', message: "must have required property 'version'", params: { missingProperty: 'version' } },
      typeError(0, 'is_installed'),
    ];
    expect(summariseSchemaErrors('station_status', document, errors, older).map((problem) => problem.pointer)).toEqual(['/data/stations/*/is_installed']);
    expect(summariseSchemaErrors('station_status', document, errors, exact)).toHaveLength(3);
  });

  it('caps the kinds of problem per feed, folding the rest into one "more" entry that keeps their count', () => {
    const fields = Array.from({ length: 30 }, (_, index) => `field_${index}`);
    const errors = fields.flatMap((field, index) => Array.from({ length: index + 1 }, (_, station) => typeError(station, field)));
    const problems = summariseSchemaErrors('station_status', document, errors, exact);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FEED);
    expect(problems[0]).toMatchObject({ pointer: '/data/stations/*/field_29', count: 30 });
    const more = problems.at(-1);
    expect(more?.message).toBe(`${30 - (MAX_PROBLEMS_PER_FEED - 1)} more kinds of problem`);
    expect(problems.reduce((sum, problem) => sum + problem.count, 0)).toBe(errors.length);
  });

  it('keeps a hostile feed’s keys and ids storable: no control characters, bounded length', () => {
    const hostile = { data: { stations: [{ station_id: 'evil\u0000id' }] } };
    const [problem] = summariseSchemaErrors('station_status', hostile, [
      { instancePath: `/data/stations/0/${'k'.repeat(1000)}\u0000`, keyword: 'additionalProperties', params: { additionalProperty: 'bad\u0000key' } },
    ], exact);
    expect(problem?.exampleStationId).toBe('evil\ufffdid');
    expect(problem?.pointer.length).toBeLessThanOrEqual(300);
    expect(hasControlCharacter(`${problem?.pointer}${problem?.message}`)).toBe(false);
    expect(problem?.message).toBe("has unexpected property 'bad\ufffdkey'");
  });
});
