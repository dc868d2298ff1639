import { DatabaseError } from 'pg';
import { describe, expect, it } from 'vitest';
import { nothingListens } from './database-fallback';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('nothingListens', () => {
  it('falls back to the demo database when the connection is refused, on every address tried', () => {
    expect(nothingListens(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(nothingListens(new AggregateError([withCode('::1', 'ECONNREFUSED'), withCode('127.0.0.1', 'ECONNREFUSED')]))).toBe(true);
    expect(nothingListens(withCode('connect ENOENT /var/run/postgresql/.s.PGSQL.5432', 'ENOENT'))).toBe(true);
  });

  it('does not hide a server that answered, a host that does not resolve, a TLS refusal or a timeout behind the demo', () => {
    expect(nothingListens(new DatabaseError('password authentication failed for user "bikestream"', 100, 'error'))).toBe(false);
    expect(nothingListens(withCode('getaddrinfo ENOTFOUND db.example', 'ENOTFOUND'))).toBe(false);
    expect(nothingListens(new Error('The server does not support SSL connections'))).toBe(false);
    expect(nothingListens(new Error('timeout expired'))).toBe(false);
    expect(nothingListens(new AggregateError([withCode('::1', 'ECONNREFUSED'), withCode('127.0.0.1', 'ETIMEDOUT')]))).toBe(false);
  });
});
