import { describe, expect, it } from 'vitest';
import { pickLanguage } from './primitives';

const names = [
  { text: 'Jernbanetorget', language: 'nb' },
  { text: 'Central Station', language: 'en-GB' },
];

describe('pickLanguage', () => {
  it('picks the entry in the wanted language, ignoring case and region', () => {
    expect(pickLanguage(names, 'en')).toBe('Central Station');
    expect(pickLanguage(names, 'EN')).toBe('Central Station');
    expect(pickLanguage(names, 'nb')).toBe('Jernbanetorget');
  });

  it('falls back to the first entry when the language is not offered or not asked for', () => {
    expect(pickLanguage(names, 'de')).toBe('Jernbanetorget');
    expect(pickLanguage(names)).toBe('Jernbanetorget');
  });

  it('handles entries without a language and an empty list', () => {
    expect(pickLanguage([{ text: 'Torget', language: null }, { text: 'Square', language: 'en' }], 'en')).toBe('Square');
    expect(pickLanguage([{ text: 'Torget' }], 'en')).toBe('Torget');
    expect(pickLanguage([], 'en')).toBe('');
  });
});
