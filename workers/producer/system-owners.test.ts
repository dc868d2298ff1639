import { describe, expect, it } from 'vitest';
import { createSystemOwners } from './system-owners';

describe('createSystemOwners', () => {
  it('lets the first feed to claim a system id keep it, and refuses it to every other feed', () => {
    const claim = createSystemOwners();

    expect(claim('https://oslo.example/gbfs.json', 'oslobysykkel')).toBe(true);
    expect(claim('https://oslo.example/gbfs.json', 'oslobysykkel')).toBe(true);
    expect(claim('https://evil.example/gbfs.json', 'oslobysykkel')).toBe(false);
    expect(claim('https://evil.example/gbfs.json', 'evil')).toBe(true);
  });
});
