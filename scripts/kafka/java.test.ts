import { describe, expect, it } from 'vitest';
import { parseJavaMajorVersion } from './java';

describe('parseJavaMajorVersion', () => {
  it('reads modern version strings', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajorVersion('openjdk version "25-ea" 2025-09-16')).toBe(25);
  });

  it('reads the 1.x scheme of Java 8 and older', () => {
    expect(parseJavaMajorVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment')).toBe(8);
  });

  it('gives up on output it does not recognise', () => {
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});
