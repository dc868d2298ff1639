import { z } from 'zod';
import { hasControlCharacter, replaceControlCharacters } from '../text/control-characters';

/** Real feeds send numbers as strings and ids as numbers; these primitives accept both shapes once. */

export const MAX_COUNT = 10_000;

export const gbfsId = z
  .union([z.string().trim().min(1).max(200).refine((text) => !hasControlCharacter(text), 'control characters in id'), z.number().int().nonnegative()])
  .transform(String);

const numericString = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'not a number')
  .transform(Number);

export const gbfsNumber = z.union([z.number(), numericString]).pipe(z.number().finite());

export const gbfsCount = gbfsNumber.pipe(z.number().int().min(0).max(MAX_COUNT));

/** GBFS 1.x uses 1/0 for booleans; some feeds send "true"/"false". */
export const gbfsBoolean = z.union([
  z.boolean(),
  z.literal(0).transform(() => false),
  z.literal(1).transform(() => true),
  z.enum(['true', 'false', '0', '1']).transform((value) => value === 'true' || value === '1'),
]);

/** POSIX seconds (number or numeric string) or an RFC 3339 string (GBFS 3.0), as epoch milliseconds. */
export const gbfsTimestamp = z.union([
  gbfsNumber.transform((seconds) => seconds * 1000),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

/**
 * Free text from a feed (names, addresses, languages, URLs): control characters become spaces.
 * PostgreSQL text refuses NUL, and a refused row in every poll would read as a systemic database
 * error and stop the consumer for every system.
 */
export const feedText = z.string().transform((text) => replaceControlCharacters(text, ' '));

/** GBFS 3.0 localized strings: [{ text, language }]. Normalised to the entries, picked later. */
export const localizedText = z.union([
  feedText.transform((text) => [{ text, language: null as string | null }]),
  z.array(z.object({ text: feedText, language: feedText.nullable().optional() })).min(1),
]);

export function pickLanguage(entries: { text: string; language?: string | null }[], language?: string): string {
  const wanted = language?.toLowerCase();
  const match = wanted ? entries.find((entry) => entry.language?.toLowerCase().startsWith(wanted)) : undefined;
  return (match ?? entries[0])?.text ?? '';
}
