import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatic } from '../../../electron/server/static-files.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'copydesk-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'secret');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('readStatic', () => {
  it('serves files inside the root with their type', async () => {
    expect((await readStatic(root, '/'))?.type).toBe('text/html; charset=utf-8');
    expect((await readStatic(root, '/assets/app.js?v=1'))?.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%00app.js',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
  ])('refuses %s', async (path) => {
    expect(await readStatic(root, path)).toBeNull();
  });
});
