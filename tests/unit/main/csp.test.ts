import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../../electron/server/http-server.js';

/** One policy everywhere; the two places that must spell it out as a literal are held to the constant. */
describe('content security policy', () => {
  const read = (rel: string): string => readFileSync(new URL(`../../../${rel}`, import.meta.url), 'utf8');

  it('is the same in the Electron session as over HTTP', () => {
    expect(read('electron/main/navigation-guards.ts')).toContain(`"${CSP}"`);
  });

  it('is in the renderer page itself, without frame-ancestors (not allowed in a meta tag)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];
    expect(meta).toBe(CSP.replace("; frame-ancestors 'none'", ''));
  });

  it('never allows inline or evaluated script', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
