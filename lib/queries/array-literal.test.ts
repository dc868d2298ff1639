import { describe, expect, it } from 'vitest';
import { arrayLiteral, type ArrayElement } from './array-literal';

const same = (value: ArrayElement) => value;

describe('arrayLiteral', () => {
  it('quotes strings and escapes quotes and backslashes', () => {
    expect(arrayLiteral(['oslo', 'a"b', 'c\\d', '', 'x,y {z}'], same)).toBe('{"oslo","a\\"b","c\\\\d","","x,y {z}"}');
  });

  it('writes numbers, booleans and nulls bare', () => {
    expect(arrayLiteral([1, -2.5, 59.912345, null, true, false], same)).toBe('{1,-2.5,59.912345,NULL,t,f}');
  });

  it('writes an empty array', () => {
    expect(arrayLiteral([], same)).toBe('{}');
  });

  it('spells NaN and infinities the way PostgreSQL reads them', () => {
    expect(arrayLiteral([Number.NaN, Infinity, -Infinity], same)).toBe('{NaN,Infinity,-Infinity}');
  });
});
