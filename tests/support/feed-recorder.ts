import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedStatus {
  at: number;
  /** last_updated of the station_status body served, unix seconds. */
  lastUpdated: number;
}

export interface FeedRequest {
  at: number;
  path: string;
  clientId: string | undefined;
}

export interface FeedRecorder {
  /** gbfs.json through the recorder; the feed URLs in it point back at the recorder. */
  url: string;
  /** Every station_status.json answered with 200, in order. */
  served: ServedStatus[];
  /** Every request, answered or not, with the Client-Identifier it carried. */
  requests: FeedRequest[];
  onServed(listener: (served: ServedStatus) => void): () => void;
  /** Points the recorder at a feed (again); until then it answers 503. */
  retarget(baseUrl: string): void;
  close(): Promise<void>;
}

/**
 * An HTTP pass-through in front of a GBFS feed that notes which station_status snapshot each
 * request was given, so a test knows exactly what the feed showed the producer.
 */
export async function startFeedRecorder(targetBaseUrl?: string): Promise<FeedRecorder> {
  let target = targetBaseUrl === undefined ? undefined : new URL(targetBaseUrl);
  const served: ServedStatus[] = [];
  const requests: FeedRequest[] = [];
  const listeners = new Set<(entry: ServedStatus) => void>();

  const server = createServer((incoming, outgoing) => {
    const clientId = incoming.headers['client-identifier'];
    requests.push({ at: Date.now(), path: incoming.url ?? '', clientId: Array.isArray(clientId) ? clientId.join(',') : clientId });
    if (!target) {
      outgoing.writeHead(503).end();
      return;
    }
    const headers: IncomingHttpHeaders = { ...incoming.headers };
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          if (response.statusCode === 200 && incoming.url?.startsWith('/station_status.json')) {
            const parsed = JSON.parse(body.toString('utf8')) as { last_updated: number };
            const entry = { at: Date.now(), lastUpdated: parsed.last_updated };
            served.push(entry);
            for (const listener of listeners) listener(entry);
          }
          outgoing.writeHead(response.statusCode ?? 502, response.headers).end(body);
        });
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/gbfs.json`,
    served,
    requests,
    retarget(baseUrl) {
      target = new URL(baseUrl);
    },
    onServed(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
