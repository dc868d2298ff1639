import { Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The local port of the socket the request went out on: the same port means the same connection. */
  localPort: number;
}

/**
 * One keep-alive connection from a chosen loopback source address (127.0.0.2, 127.0.0.3, …: all of
 * 127/8 is this host), so a test can be several clients the server tells apart by the socket alone.
 */
export function clientFrom(localAddress: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
      return new Promise((resolve, reject) => {
        const outgoing = request(url, { agent, localAddress, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), localPort: response.socket?.localPort ?? outgoing.socket?.localPort ?? 0 }),
          );
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    },
    close: () => agent.destroy(),
  };
}
