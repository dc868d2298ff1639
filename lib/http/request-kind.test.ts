import { describe, expect, it } from 'vitest';
import { isEmbedPath, requestKind } from './request-kind';

describe('requestKind', () => {
  it('sorts API routes, pages and built assets', () => {
    expect(requestKind('/api/stations?system=oslo')).toBe('api');
    expect(requestKind('/api/stations/oslo/123/history')).toBe('api');
    expect(requestKind('/')).toBe('page');
    expect(requestKind('/stations/oslo/123?_rsc=abc')).toBe('page');
    expect(requestKind('/_next/static/chunks/app-1a2b.js')).toBe('exempt');
    expect(requestKind('/api/health')).toBe('exempt');
    expect(requestKind('/api/health?deep=1')).toBe('exempt');
    expect(requestKind('/icon.svg?abc123')).toBe('exempt');
    expect(requestKind('/api/live')).toBe('exempt');
    expect(requestKind('/manifest.webmanifest')).toBe('exempt');
  });

  it('exempts nothing that could resolve to another route', () => {
    expect(requestKind('/api/health/../changes')).toBe('api');
    expect(requestKind('/_next/static/../../api/changes')).toBe('api');
    expect(requestKind('/_next/static/%2e%2e/%2e%2e/api/changes')).toBe('api');
    expect(requestKind('/_next/static/..\\..\\api/changes')).toBe('api');
    expect(requestKind('//api/health')).toBe('page');
  });

  it('charges a request by the route it resolves to, not by how its path starts', () => {
    expect(requestKind('/api/%2e%2e/stations/oslo/1')).toBe('page');
    expect(requestKind('/api/../stations')).toBe('page');
    expect(requestKind('/stations/../api/systems')).toBe('api');
    expect(requestKind('/x/%2e%2e/api/changes?limit=50')).toBe('api');
  });
});

describe('isEmbedPath', () => {
  it('matches the embed page with or without a query, and nothing else', () => {
    expect(isEmbedPath('/embed')).toBe(true);
    expect(isEmbedPath('/embed?system=oslo&theme=dark')).toBe(true);
    expect(isEmbedPath('/embedded')).toBe(false);
    expect(isEmbedPath('/stations?x=/embed')).toBe(false);
  });
});
