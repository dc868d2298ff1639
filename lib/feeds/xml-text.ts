// XML 1.0 allows tab, newline, carriage return and these ranges (§2.2); a lone surrogate is a code
// point outside them too, so it goes as well.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text from a feed as XML character data or an attribute value: escaped, and characters XML cannot carry removed. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
