// Liveness for container health checks: it answers whenever this process serves requests, and reads
// nothing else (no feed, database or broker), so an outage upstream never gets the web restarted.
// Readiness and the pipeline's state are /api/health.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'live' }, { headers: { 'Cache-Control': 'no-store' } });
}
