/** Whether a GBFS discovery URL answers with JSON within a few seconds. */
export async function checkFeed(url: string, clientId: string, timeoutMs = 8_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const response = await fetch(url, { headers: { 'Client-Identifier': clientId }, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    await response.json();
    return { ok: true };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}
