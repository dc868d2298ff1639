/** True when a text holds a character below U+0020 (NUL included, which PostgreSQL text refuses). */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 0x20) return true;
  return false;
}
