/** True when a text holds a character below U+0020 (NUL included, which PostgreSQL text refuses). */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 0x20) return true;
  return false;
}

/** The text with every character below U+0020 replaced, so it can be stored as PostgreSQL text or jsonb. */
export function replaceControlCharacters(text: string, replacement = '\ufffd'): string {
  let result = '';
  for (const character of text) result += character.charCodeAt(0) < 0x20 ? replacement : character;
  return result;
}
