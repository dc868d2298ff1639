import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, OutboundRefusedError, type Resolve } from './guarded-lookup';
import type { AddressClass } from './ip-ranges';

const answer =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

function lookUp(resolve: Resolve, all: boolean, trusted: AddressClass[] = []) {
  const lookup = guardedLookup(new Set(trusted), resolve);
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((done) => {
    lookup('feed.test', { all }, (error, address, family) => done({ error, address, family }));
  });
}

describe('guardedLookup', () => {
  it('answers in the form the socket asked for', async () => {
    expect(await lookUp(answer('93.184.216.34', '2606:2800:220:1::'), true)).toMatchObject({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::', family: 6 },
      ],
    });
    expect(await lookUp(answer('93.184.216.34'), false)).toEqual({ error: null, address: '93.184.216.34', family: 4 });
  });

  it('refuses the whole answer when any address is in a class the configured URL is not in', async () => {
    const { error } = await lookUp(answer('93.184.216.34', '169.254.169.254'), true);

    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as OutboundRefusedError).rule).toBe('address');
  });

  it('lets through the configured URL’s own class', async () => {
    expect((await lookUp(answer('127.0.0.1'), false, ['loopback'])).error).toBeNull();
    expect((await lookUp(answer('::ffff:127.0.0.1'), false, ['loopback'])).error).toBeNull();
  });

  it('passes DNS failures on, and treats an empty answer as not found', async () => {
    const failing: Resolve = () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND feed.test'), { code: 'ENOTFOUND' }));
    expect((await lookUp(failing, true)).error?.code).toBe('ENOTFOUND');
    expect((await lookUp(answer(), true)).error?.code).toBe('ENOTFOUND');
  });
});
