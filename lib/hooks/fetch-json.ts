/** A failed request to our own API: the HTTP status and the `error` message the API sent. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON (a proxy's error page, say): the status line is all there is.
  }
  return `HTTP ${response.status} ${response.statusText}`.trim();
}

/** SWR's fetcher for this app's own routes, whose shapes lib/api/api-types.ts declares. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new FetchError(await errorMessage(response), response.status);
  return (await response.json()) as T;
}
