import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRequestHandler } from '../../../electron/main/app-request.js';

let base: string;
let handler: (r: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'copydesk-app-'));
  const renderer = join(base, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Copydesk</title>');
  await writeFile(join(renderer, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  handler = appRequestHandler(renderer);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// handler', () => {
  it('serves the renderer with the CSP', async () => {
    const res = await get('app://copydesk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Copydesk</title>');
    expect((await get('app://copydesk/')).status).toBe(200);
    expect((await get('app://copydesk/assets/index.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://copydesk/../secret.txt',
    'app://copydesk/%2e%2e/secret.txt',
    'app://copydesk/%2e%2e%2fsecret.txt',
    'app://copydesk/..%5csecret.txt',
    'app://copydesk/assets/%2e%2e/%2e%2e/secret.txt',
    'app://copydesk//etc/passwd',
    'app://copydesk/%00index.html',
    'app://copydesk/missing.js',
    'app://copydesk/assets',
    'app://other/index.html',
    'app://copydesk.evil/index.html',
    'app://copydesk:1234/index.html',
  ])('answers 404 for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://copydesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://copydesk/index.html', 'POST')).status).toBe(405);
  });
});
