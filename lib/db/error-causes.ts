/** Drizzle wraps driver errors (and pg may wrap socket errors), so what matters may sit on `cause`. */
export function causeChain(error: unknown, maxDepth = 4): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < maxDepth; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

/** The SQLSTATE or socket error codes (`23505`, `ECONNREFUSED`) along an error's causes, outermost first. */
export function errorCodes(error: unknown): string[] {
  return causeChain(error).flatMap((cause) => {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  });
}
