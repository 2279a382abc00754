import { describe, expect, it } from 'vitest';
import { localPath } from './local-path';

describe('localPath', () => {
  it('keeps a path and its query', () => {
    expect(localPath('/charge-stations?sort=name&status=AVAILABLE')).toBe('/charge-stations?sort=name&status=AVAILABLE');
    expect(localPath('')).toBe('/');
    expect(localPath(null)).toBe('/');
  });

  it('never leaves the site', () => {
    for (const hostile of [
      '//evil.example/x',
      '/\\evil.example/x',
      'https://evil.example/x',
      'http://localhost//evil.example/x',
      'javascript:alert(1)',
    ]) {
      const path = localPath(hostile);
      expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
      expect(new URL(path, 'http://portal.example').host).toBe('portal.example');
    }
  });
});
