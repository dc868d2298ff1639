import pg from 'pg';
import { backoffDelayMs } from '../runtime/backoff';
import type { Logger } from '../runtime/log';
import { parseStoreNotice, STORE_CHANNEL, type StoreNotice } from './store-notice';

export interface StoreListenerEvents {
  notice: (notice: StoreNotice) => void;
  /** The connection was lost: nothing will be announced until it is back. */
  lost: () => void;
  /** The connection was lost and is back: notices sent meanwhile are gone, so what they said must be read again. */
  resumed: () => void;
}

/**
 * The process's one LISTEN connection to PostgreSQL. It reconnects with backoff for as long as it
 * runs; payloads that are not a notice (any role that can connect may NOTIFY) are dropped.
 */
export function startStoreListener(connectionString: string, events: StoreListenerEvents, log: Logger) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let everConnected = false;
  let listening = false;

  async function connect(attempt: number): Promise<void> {
    if (stopped) return;
    const next = new pg.Client({ connectionString, application_name: 'bikestream-web-listen' });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      listening = false;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (stopped) return;
      log.warn('store listener lost its connection', { error: error?.message ?? 'ended' });
      events.lost();
      schedule(1);
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (message) => {
      if (message.channel !== STORE_CHANNEL) return;
      const notice = parseStoreNotice(message.payload);
      if (notice) events.notice(notice);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${STORE_CHANNEL}`);
    } catch (error) {
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (stopped) return;
      log.warn('store listener cannot connect', { attempt, error: error instanceof Error ? error.message : String(error) });
      schedule(attempt + 1);
      return;
    }
    listening = true;
    if (everConnected) events.resumed();
    everConnected = true;
    log.info('store listener ready', { channel: STORE_CHANNEL });
  }

  function schedule(attempt: number): void {
    retry = setTimeout(() => {
      retry = null;
      void connect(attempt);
    }, backoffDelayMs(attempt, 500, 15_000));
  }

  void connect(1);
  return {
    isListening: () => listening,
    async stop(): Promise<void> {
      stopped = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

export type StoreListener = ReturnType<typeof startStoreListener>;
