import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../../electron/core/api.js';
import type { ErrorCode, Result } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import {
  DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, NOT_OVER_HTTP, type RunningServer, UPLOAD_METHODS, startHttpServer,
} from '../../../electron/server/http-server.js';
import { type FuzzContext, exampleFor, hasWrittenExample } from './api-examples.js';
import { expectDeskValid } from './desk-check.js';
import { inputs } from './mutations.js';

/**
 * Every method of the contract, driven with random and mutated payloads through both transports: straight into
 * DeskService.call (what the IPC handlers call) and over the real browser-mode HTTP server. Whatever comes in,
 * the answer is a clean result: a value, or `{ok: false, error: {code, message}}` with a caller's error code;
 * never a thrown exception, never an HTTP 500, never a polluted Object.prototype. Afterwards the desk reopens
 * and validates. Methods are taken from METHOD_NAMES, so a method added later is fuzzed without a change here.
 *
 * FC_SEED replays a run; FC_RUNS raises the runs per method (a long soak: FC_RUNS=2000).
 */
const SEED = Number(process.env.FC_SEED ?? 20260301);
const RUNS = Number(process.env.FC_RUNS ?? 30);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** What a caller may be told when its input is wrong; anything else (INTERNAL, IO_ERROR, DESK_CORRUPT) is a bug. */
const CALLER_ERRORS: readonly ErrorCode[] = ['INVALID_INPUT', 'NOT_FOUND'];
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { INVALID_INPUT: 400, NOT_FOUND: 404 };

let base: string;
let deskDir: string;
let cwd: string;
let desk: Desk;
let service: DeskService;
let server: RunningServer;
let ctx: FuzzContext;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'copydesk-fuzz-'));
  deskDir = join(base, 'desk');
  // The scratch folder the fuzzer works in: relative paths it invents resolve here, next to one seed file.
  const scratch = join(base, 'scratch');
  await mkdir(scratch);
  await copyFile(join(REPO, 'tests/fixtures/seed/02-reuters-london.txt'), join(scratch, 'seed.txt'));
  cwd = process.cwd();
  process.chdir(scratch);

  desk = await Desk.open(deskDir);
  service = new DeskService(desk);
  const imported = await service.call('importPaths', { paths: [join(REPO, 'seeds')] });
  expect(imported).toMatchObject({ ok: true, value: { failed: 0 } });
  server = await startHttpServer({ service, staticDir: null, port: 0 });
  const ids = desk.list().map((s) => s.id);
  const first = await service.call('getArticle', { id: ids[0]! });
  if (!first.ok) throw new Error(first.error.message);
  ctx = { ids, sentence: first.value.paragraphs[0]!.split(/(?<=\.)\s/u)[0]!, seedFile: 'seed.txt' };
});

afterAll(async () => {
  await server?.close();
  await desk?.close();
  process.chdir(cwd);
  await rm(base, { recursive: true, force: true });
});

function expectCleanResult(result: unknown, label: string): asserts result is Result<unknown> {
  expect(result, label).toBeTypeOf('object');
  const r = result as Result<unknown>;
  if (r.ok) {
    expect(r.value, label).not.toBeUndefined();
    return;
  }
  expect(CALLER_ERRORS, `${label}: ${JSON.stringify(r.error).slice(0, 500)}`).toContain(r.error.code);
  expect(r.error.message, label).toBeTypeOf('string');
  expect(r.error.message.length, label).toBeGreaterThan(0);
  expect(Object.keys(r).sort(), label).toEqual(['error', 'ok']);
}

/**
 * What JSON.stringify makes of the input, as the renderer's fetch would send it. BigInt has no JSON form, so it
 * goes as a string; the replacer that does that costs stack, so it is used only when it is needed.
 */
function toBody(input: unknown): string {
  try {
    return JSON.stringify(input) ?? '';
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  }
}

async function post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function viaHttp(method: string, input: unknown, label: string): Promise<void> {
  let body: string;
  try {
    body = toBody(input);
  } catch (err) {
    // Too big or too deep for JSON.stringify itself: no browser could send it either.
    if (err instanceof RangeError) return;
    throw err;
  }
  const limit = UPLOAD_METHODS.has(method) ? DEFAULT_MAX_UPLOAD_BYTES : DEFAULT_MAX_BODY_BYTES;
  const bytes = Buffer.byteLength(body);
  // Refused at once with the connection closed (tests/unit/server/http-hardening.test.ts); nothing to see here.
  if (bytes > 2 * limit) return;
  const res = await post(`/api/${method}`, body);
  expect(res.status, `${label}: HTTP ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect([...res.headers.keys()].filter((h) => h.startsWith('access-control-')), label).toEqual([]);
  if (bytes > limit) {
    expect(res.status, label).toBe(413);
    return;
  }
  if (NOT_OVER_HTTP.has(method)) {
    expect(res.status, label).toBe(403);
    return;
  }
  const result: unknown = JSON.parse(res.text);
  expectCleanResult(result, label);
  expect(res.status, label).toBe(result.ok ? 200 : HTTP_STATUS[result.error.code]);
}

async function viaService(method: MethodName, input: unknown, label: string): Promise<void> {
  let result: unknown;
  try {
    result = await service.call(method, input);
  } catch (err) {
    throw new Error(`${label}: DeskService.call threw ${(err as Error).stack ?? String(err)}`, { cause: err });
  }
  expectCleanResult(result, label);
}

const describeInput = (input: unknown): string => fc.stringify(input).slice(0, 200);

describe('every API method, fuzzed through both transports', () => {
  it('has a valid example input for every method, written or derived from its schema', () => {
    const missing = METHOD_NAMES.filter((m) => exampleFor(m, ctx) === null);
    expect(missing, 'add an example for these to WRITTEN in tests/unit/fuzz/api-examples.ts').toEqual([]);
    // The written ones are all still valid: a stale example would quietly fall back to a blander derived one.
    const stale = METHOD_NAMES.filter((m) => hasWrittenExample(m) && exampleFor(m, ctx)?.source !== 'written');
    expect(stale).toEqual([]);
  });

  it('accepts each example as it stands, over both transports', async () => {
    for (const method of METHOD_NAMES) {
      const { input } = exampleFor(method, ctx)!;
      await viaService(method, input, `${method} example`);
      await viaHttp(method, input, `${method} example over HTTP`);
    }
  });

  it.each([...METHOD_NAMES])('%s: random and mutated inputs get clean answers', async (method) => {
    const example = exampleFor(method, ctx)!.input;
    await fc.assert(
      fc.asyncProperty(inputs(example), async (input) => {
        const label = `${method}(${describeInput(input)})`;
        await viaService(method, input, label);
        await viaHttp(method, input, `${label} over HTTP`);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED + METHOD_NAMES.indexOf(method), numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('bodies that are not the JSON a method wants', () => {
  // Any method will do for what the server checks before the method sees the body.
  const method = (): string => 'listArticles';

  it('answers random bytes, random text and broken JSON with 400 (or a result), never 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue().map((v) => `${JSON.stringify(v)}`.slice(0, -1)),
          fc.constantFrom('\ufeff{}', '{"a":1,}', '{/* comment */}', "{'a':1}", 'NaN', '1e999', '[', ']', '"', '\u0000', 'null', '[]', '0', '{"a":1}{"b":2}'),
        ),
        fc.constantFrom(...METHOD_NAMES),
        async (body, name) => {
          const res = await post(`/api/${name}`, body);
          expect(res.status, `${name} ${String(body).slice(0, 80)}`).toBeLessThan(500);
          expectCleanResult(JSON.parse(res.text), `${name} body ${String(body).slice(0, 80)}`);
        },
      ),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });

  it('refuses every content type but JSON with 415', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json', 'application/jsonx')),
        async (type) => {
          fc.pre(!/^application\/json\s*(?:;|$)/iu.test(type) && /^[\t\x20-\x7e]*$/u.test(type));
          const res = await post(`/api/${method()}`, '{}', { 'Content-Type': type });
          expect(res.status, type).toBe(415);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('answers any path under /api/ without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (name) => {
        const res = await post(`/api/${encodeURIComponent(name)}`, '{}');
        expect(res.status, name).toBeLessThan(500);
        expect([200, 400, 403, 404]).toContain(res.status);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('survives JSON nested 100,000 deep, and huge bodies, and still answers afterwards', async () => {
    for (const body of ['['.repeat(100_000) + ']'.repeat(100_000), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, '['.repeat(1_000_000)]) {
      const res = await post(`/api/${method()}`, body);
      expect(res.status).toBeLessThan(500);
    }
    const huge = await post(`/api/${method()}`, `{"paths":["${'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1024)}"]}`);
    expect(huge.status).toBe(413);
    expect((await post('/api/listArticles', '{}')).status).toBe(200);
  });
});

describe('after the fuzzing', () => {
  it('left Object.prototype alone, and the desk opens and validates', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    await server.close();
    await desk.close();
    const articles = await expectDeskValid(deskDir);
    expect(articles).toBeGreaterThanOrEqual(ctx.ids.length);
    // Reopened for afterAll, which closes whatever is open.
    desk = await Desk.open(deskDir);
    service = new DeskService(desk);
    server = await startHttpServer({ service, staticDir: null, port: 0 });
  });
});
