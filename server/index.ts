import { createServer } from 'node:http';
import path from 'node:path';
import { env } from '../lib/runtime/env';
import { createRateLimiter } from '../lib/http/rate-limit';
import { createRequestGate } from '../lib/http/request-gate';
import { createDatabase } from '../lib/db/client';
import { createLogger } from '../lib/runtime/log';
import { startStoreListener } from '../lib/stream/store-listener';
import { createStreamHub } from '../lib/stream/stream-hub';
import { tileOrigins } from '../lib/http/security-headers';
import { runMain } from '../lib/runtime/run-main';
import { handleShutdown } from '../lib/runtime/shutdown';
import { createStreamRoute } from './stream-route';
import { refuseSuperuser } from './superuser-guard';

// Next.js's own server (`next start`) takes the client's X-Forwarded-For as given, and its pages and
// route handlers never see the socket: this server sits in front so the client address, the rate
// limits and the per-request script nonce are decided from the connection itself, in one place.
await runMain('web', async (log) => {
  const config = env();
  // As `next start` does: React and Next.js pick their production builds from NODE_ENV when loaded.
  Object.assign(process.env, { NODE_ENV: 'production' });
  const { default: next } = await import('next');
  if (!config.ALLOW_SUPERUSER_WEB) {
    await refuseSuperuser(config.DATABASE_URL, log, (error) => {
      process.stderr.write(`web: ${error.message}\n`);
      process.exit(1);
    });
  }

  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '..'), hostname: config.WEB_HOST, port: config.PORT });
  await app.prepare();
  // Read after prepare(), which loads .env files the build saw too.
  const { tiles } = await import('../components/map/tile-config');
  const handle = app.getRequestHandler();
  const limiter = (perMinute: number, burst: number) => (perMinute > 0 ? createRateLimiter({ perMinute, burst }) : null);
  const gate = createRequestGate({
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    apiLimiter: limiter(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST),
    pageLimiter: limiter(config.PAGE_RATE_LIMIT_PER_MINUTE, config.PAGE_RATE_LIMIT_BURST),
    imageOrigins: tileOrigins([tiles.url, tiles.darkUrl]),
  });

  // The live stream's own small pool (one read per system per commit, whatever the number of
  // streams) and its one LISTEN connection; Next.js's pool lives inside its bundle.
  const streamDb = createDatabase(config.DATABASE_URL, { max: 3, applicationName: 'bikestream-web-stream' });
  const streamLog = createLogger('stream');
  const hub = createStreamHub({ db: streamDb, heartbeatSeconds: config.HEARTBEAT_SECONDS, log: streamLog });
  // Without the LISTEN connection nothing would arrive: open streams are ended and new ones refused
  // (503), so pages poll until it is back.
  const listener = startStoreListener(config.DATABASE_URL, { notice: hub.notice, lost: hub.closeAll, resumed: hub.resumed }, streamLog);
  const streamRoute = createStreamRoute({ hub, db: streamDb, log: streamLog, perClient: config.STREAM_PER_CLIENT, maxStreams: config.STREAM_MAX, ready: listener.isListening });

  const server = createServer((request, response) => {
    if (gate(request, response)) return;
    if (streamRoute(request, response)) return;
    handle(request, response).catch((error: unknown) => {
      log.error('request failed', { url: request.url, error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.WEB_HOST, resolve);
  });
  log.info('web ready', { url: `http://${config.WEB_HOST ?? 'localhost'}:${config.PORT}`, trustedProxyHops: config.TRUSTED_PROXY_HOPS });

  const signal = handleShutdown(log);
  await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  // Finish the requests in flight, then stop; handleShutdown forces exit 1 if that hangs.
  // Open streams never finish by themselves: end them, and EventSource reconnects elsewhere.
  hub.closeAll();
  await listener.stop();
  await new Promise<void>((resolve) => {
    // A keep-alive connection whose request finishes after this point would otherwise stay open
    // until its idle timeout.
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(closeIdle);
      resolve();
    });
  });
  await app.close();
  log.info('web stopped');
  // The database pool inside Next.js's bundle keeps sockets open.
  process.exit(0);
});
