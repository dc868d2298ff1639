import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  baseUrl: string;
  received: ReceivedWebhook[];
  /** The next `count` requests to `path` are answered 500. */
  failNext(path: string, count: number): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint that records every webhook it is sent, and can be told to fail. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const failures = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const failing = failures.get(path) ?? 0;
      const status = failing > 0 ? 500 : 204;
      if (failing > 0) failures.set(path, failing - 1);
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      response.writeHead(status).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (path, count) => void failures.set(path, count),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
