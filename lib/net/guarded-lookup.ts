import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AddressClass } from './ip-ranges';
import { checkAddress, type OutboundRule } from './outbound-policy';

export type Resolve = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname, options) => dns.lookup(hostname, { ...options, all: true });

/** A URL or an address the outbound policy refused; the message is ours alone, never response bytes. */
export class OutboundRefusedError extends Error {
  constructor(
    readonly rule: OutboundRule,
    readonly reason: string,
    /** The refused URL, for internal logs and dead letters only. */
    readonly url?: string,
    /** 0 for the URL asked for, n for the n-th redirect. */
    readonly hop = 0,
  ) {
    super(`${hop > 0 ? `redirect ${hop} ` : 'URL '}refused by the ${rule} rule: ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}

/**
 * A socket `lookup` that checks every address DNS returns before the socket connects to one of them,
 * so the address checked is the address connected to (a second, rebound answer is never used).
 */
export function guardedLookup(trusted: ReadonlySet<AddressClass>, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options).then(
      (addresses) => {
        for (const { address } of addresses) {
          const verdict = checkAddress(address, trusted);
          if (!verdict.allowed) return callback(new OutboundRefusedError(verdict.rule, verdict.reason), '', 0);
        }
        const [first] = addresses;
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
