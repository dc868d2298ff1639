import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Bikestream-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=` and the hex HMAC-SHA256 of the exact body bytes under the alert's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
