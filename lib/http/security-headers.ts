import { randomBytes } from 'node:crypto';

export interface PagePolicy {
  nonce: string;
  /** Only the embeddable map may be framed by other sites. */
  embeddable: boolean;
  /** Origins map tiles are drawn from (see tileOrigins). */
  imageOrigins: readonly string[];
}

/** A fresh script nonce: 128 random bits, base64 (the form Next.js reads back from the request's policy). */
export const newNonce = () => randomBytes(16).toString('base64');

/**
 * The Content-Security-Policy of an HTML page. Scripts run only with this response's nonce, or
 * when loaded by such a script ('strict-dynamic': Next.js's chunks and the lazily loaded map);
 * 'self' is only a fallback for browsers without CSP level 3. Styles keep 'unsafe-inline' because
 * Leaflet positions markers, tiles and popups through style attributes; a style cannot run script.
 */
export function pageContentSecurityPolicy({ nonce, embeddable, imageOrigins }: PagePolicy): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? '*' : "'self'"}`,
  ].join('; ');
}

/** JSON and plain-text answers render nothing and are framed by nobody. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Powerful browser features off; geolocation kept for our own pages (a "near me" view). */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * CSP host sources for Leaflet tile URL templates: `https://{s}.tile.example.org/{z}/{x}/{y}.png`
 * becomes `https://*.tile.example.org`. A template that cannot be written as a source (a placeholder
 * other than the first label) is left out, so its tiles are refused rather than all images allowed.
 */
export function tileOrigins(templates: readonly (string | null | undefined)[]): string[] {
  const origins = new Set<string>();
  for (const template of templates) {
    const match = /^(https?):\/\/([^/?#]+)/i.exec(template ?? '');
    if (!match?.[1] || !match[2]) continue;
    const host = match[2].toLowerCase().replace(/^\{[a-z]+\}\./, '*.');
    if (/^(\*\.)?[a-z0-9.-]+(:\d+)?$/.test(host)) origins.add(`${match[1].toLowerCase()}://${host}`);
  }
  return [...origins];
}
