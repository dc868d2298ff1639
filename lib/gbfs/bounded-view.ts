/** Values copied into a bounded view (array items and object keys, at any depth). */
export const MAX_VIEW_VALUES = 20_000;
/** Keys copied per object: GBFS objects have a few dozen at most. */
export const MAX_VIEW_KEYS = 50;
/** JSON Schema checks of GBFS files go a few levels deep; below this values are shared, not copied. */
const MAX_DEPTH = 16;

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * A copy of a parsed JSON document with at most about MAX_VIEW_VALUES values, so that a validator
 * collecting every error cannot collect millions. Arrays are cut at the end; once the budget is
 * spent, objects keep their scalar fields (a record is not made to look incomplete) and their
 * nested arrays and objects come out empty.
 */
export function boundedView(document: unknown): unknown {
  let budget = MAX_VIEW_VALUES;
  const copy = (value: unknown, depth: number): unknown => {
    if (!isContainer(value) || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value as unknown[]) {
        if (budget <= 0) break;
        budget -= 1;
        items.push(copy(item, depth + 1));
      }
      return items;
    }
    const result: Record<string, unknown> = {};
    let keys = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (keys >= MAX_VIEW_KEYS) break;
      keys += 1;
      const field = (value as Record<string, unknown>)[key];
      budget -= 1;
      const kept = !isContainer(field) ? field : budget > 0 ? copy(field, depth + 1) : Array.isArray(field) ? [] : {};
      // defineProperty, not assignment: a "__proto__" key from JSON.parse is data, not a prototype.
      Object.defineProperty(result, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };
  return copy(document, 0);
}
