import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { createRateLimiter } from './lib/http/rate-limit';

const settings = env();
const take = settings.RATE_LIMIT_PER_MINUTE > 0 ? createRateLimiter({ perMinute: settings.RATE_LIMIT_PER_MINUTE, burst: settings.RATE_LIMIT_BURST }) : null;

function clientOf(request: NextRequest): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local';
}

/** Per-client rate limit on the public API: 429 with Retry-After, as JSON like every API error. */
export function proxy(request: NextRequest) {
  if (!take) return NextResponse.next();
  const decision = take(clientOf(request), Date.now());
  if (decision.allowed) return NextResponse.next();
  return NextResponse.json(
    { error: 'too many requests; slow down' },
    { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

export const config = { matcher: '/api/:path*' };
