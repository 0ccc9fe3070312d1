import { join } from 'node:path';
import { scanBackups } from '../../electron/core/backup/list-backups.js';
import { verifyBackup } from '../../electron/core/backup/verify-backup.js';
import type { BundleRecord } from '../../electron/core/bundles/bundle-record.js';
import { importFiles } from '../../electron/core/import/import-files.js';
import type { ArticleRecord } from '../../electron/core/model.js';
import { fold } from '../../electron/core/revisions.js';
import { STATUSES } from '../../electron/core/statuses.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import { loadSettings } from '../../electron/core/store/settings.js';
import { type CliProcess, startCli } from '../support/cli-process.js';
import { type Rng, makeRng } from '../support/seed-corpus.js';
import { writeBatchedCorpus } from './corpus.js';
import { running } from './kill.js';
import type { Ctx, Landing, Scenario } from './types.js';
import { CrashCheckError, canon, check, checkDesk } from './verify-store.js';

/**
 * SIGKILL of `copydesk serve` (browser mode) while editors work through its HTTP API. A few editors run at once,
 * each calling one method at a time on its own articles and bundles: setStatus, addTags, removeTags,
 * correctField, upsertClaim, createBundle, addToBundle, removeFromBundle, moveInBundle, updateBundle,
 * deleteBundle, and updateSettings. Every call whose answer arrived before the kill is acknowledged.
 *
 * After the kill each editor's articles and bundles (and the settings) must be exactly the state its acknowledged
 * calls lead to, or that plus the one call it had in flight, applied whole: a bulk change to several articles lands
 * on all or none. The kill lands anywhere (start-up, the backup made at open, the stream), a random time into the
 * stream, or the instant a chosen answer arrives (as tests/integration/durability.test.ts does once). The desk is
 * reused from run to run, so every kill also checks the recovery-free reopen of the one before, and every backup
 * the server made is verified in full.
 */
const TAGS = ['politics', 'economy', 'weather', 'sport', 'health', 'courts', 'energy', 'housing'];
const VERDICTS = ['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unproven'];

interface ArticleState {
  status: string;
  tags: string[];
  headline: string;
  p1: string;
  claims: Record<string, string>;
}
interface BundleState {
  description: string;
  articleIds: string[];
}
/** One editor's share of the desk, as it can be compared: bundles by name (an id is learnt from the answer). */
interface EditorState {
  articles: Record<string, ArticleState>;
  bundles: Record<string, BundleState>;
  org: string | null;
}

interface Op {
  method: string;
  input: Record<string, unknown>;
  apply(s: EditorState): EditorState;
  /** Learns what only the answer says (a new bundle's id). */
  learn?(value: unknown): void;
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export function editsScenario(ctx: Ctx): Scenario {
  const dir = join(ctx.work, 'edits-desk');
  const editors = ctx.scale.editWorkers;
  const own: string[][] = [];
  const claimText = new Map<string, string>();
  const bundleIds = new Map<string, string>();
  let model: EditorState[] = [];
  let counter = 0;
  let startupMs = 0;
  let acksPerStream = 0;
  const verifiedBackups = new Set<string>();
  const env = { ...ctx.env, COPYDESK_EDITOR: 'Crash Editor' };

  function stateOf(records: readonly ArticleRecord[], bundles: readonly BundleRecord[], org: string | null): EditorState[] {
    const byId = new Map(records.map((r) => [r.id, r]));
    return own.map((ids, w) => {
      const articles: Record<string, ArticleState> = {};
      for (const id of ids) {
        const rec = byId.get(id);
        check(rec, `article ${id} is gone`);
        const { state } = fold(rec.original, rec.revisions);
        const claims = Object.fromEntries(rec.claims.map((c) => [c.text, c.verdict]));
        articles[id] = { status: state.status, tags: [...state.tags].sort(), headline: state.content.headline, p1: state.content.paragraphs[0] ?? '', claims };
      }
      const mine = bundles.filter((b) => !b.deleted && b.name.startsWith(`Editor ${w} `));
      for (const b of mine) bundleIds.set(b.name, b.id);
      const bs = Object.fromEntries(mine.map((b) => [b.name, { description: b.description, articleIds: [...b.articleIds] }]));
      return { articles, bundles: bs, org: w === 0 ? org : null };
    });
  }

  const clone = (s: EditorState): EditorState => structuredClone(s);
  const pickSome = (rng: Rng, xs: readonly string[], lo: number, hi: number): string[] => {
    const pool = [...xs];
    const n = Math.min(pool.length, rng.int(lo, hi));
    return Array.from({ length: n }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  };

  /** The next call an editor makes, chosen from what its acknowledged state allows. */
  function nextOp(w: number, s: EditorState, rng: Rng): Op {
    const ids = own[w]!;
    const names = Object.keys(s.bundles);
    const n = ++counter;
    const bundleOps = names.length > 0 ? ['addToBundle', 'addToBundle', 'removeFromBundle', 'moveInBundle', 'updateBundle', 'deleteBundle'] : [];
    const choices = ['setStatus', 'addTags', 'removeTags', 'correctField', 'correctField', 'upsertClaim', ...(names.length < 2 ? ['createBundle'] : []), ...bundleOps, ...(w === 0 ? ['updateSettings'] : [])];
    const method = rng.pick(choices);
    const name = rng.pick(names.length > 0 ? names : ['']);
    const bundle = s.bundles[name];
    const change = (f: (next: EditorState) => void) => (st: EditorState): EditorState => {
      const next = clone(st);
      f(next);
      return next;
    };
    const withArticles = (some: string[], f: (a: ArticleState) => void) => change((next) => some.forEach((id) => f(next.articles[id]!)));
    const withBundle = (f: (b: BundleState) => void) => change((next) => f(next.bundles[name]!));
    switch (method) {
      case 'setStatus': {
        const some = pickSome(rng, ids, 1, 4);
        const status = rng.pick(STATUSES);
        return { method, input: { ids: some, status }, apply: withArticles(some, (a) => void (a.status = status)) };
      }
      case 'addTags':
      case 'removeTags': {
        const some = pickSome(rng, ids, 1, 4);
        const tags = pickSome(rng, TAGS, 1, 2);
        return {
          method,
          input: { ids: some, tags },
          apply: withArticles(some, (a) => void (a.tags = (method === 'addTags' ? [...new Set([...a.tags, ...tags])] : a.tags.filter((t) => !tags.includes(t))).sort())),
        };
      }
      case 'correctField': {
        const id = rng.pick(ids);
        const headline = rng.next() < 0.5;
        const text = headline ? `Crash headline ${w}.${n} holds` : `Crash paragraph ${w}.${n} corrected by the harness.`;
        return {
          method,
          input: { id, field: headline ? 'headline' : 'paragraph:1', text, reason: `edit ${n}` },
          apply: withArticles([id], (a) => void (headline ? (a.headline = text) : (a.p1 = text))),
        };
      }
      case 'upsertClaim': {
        const checkable = ids.filter((i) => claimText.has(i));
        if (checkable.length === 0) return nextOp(w, s, rng);
        const id = rng.pick(checkable);
        const text = claimText.get(id)!;
        const verdict = rng.pick(VERDICTS);
        return { method, input: { id, text, verdict, note: `ruling ${n}` }, apply: withArticles([id], (a) => void (a.claims[text] = verdict)) };
      }
      case 'createBundle': {
        const bname = `Editor ${w} bundle ${n}`;
        const some = pickSome(rng, ids, 0, 4);
        return {
          method,
          input: { name: bname, description: `made by edit ${n}`, ids: some },
          apply: change((next) => void (next.bundles[bname] = { description: `made by edit ${n}`, articleIds: [...some] })),
          learn: (v) => void bundleIds.set(bname, (v as { id: string }).id),
        };
      }
      case 'addToBundle': {
        const some = pickSome(rng, ids, 1, 3);
        return {
          method,
          input: { id: bundleIds.get(name), ids: some },
          apply: withBundle((b) => b.articleIds.push(...some.filter((id) => !b.articleIds.includes(id)))),
        };
      }
      case 'removeFromBundle': {
        const some = bundle!.articleIds.length > 0 ? pickSome(rng, bundle!.articleIds, 1, 2) : pickSome(rng, ids, 1, 1);
        return {
          method,
          input: { id: bundleIds.get(name), ids: some },
          apply: withBundle((b) => void (b.articleIds = b.articleIds.filter((id) => !some.includes(id)))),
        };
      }
      case 'moveInBundle': {
        if (bundle!.articleIds.length < 2) return nextOp(w, s, rng);
        const articleId = rng.pick(bundle!.articleIds);
        const to = rng.int(0, bundle!.articleIds.length - 1);
        return {
          method,
          input: { id: bundleIds.get(name), articleId, to },
          apply: withBundle((b) => {
            b.articleIds = b.articleIds.filter((id) => id !== articleId);
            b.articleIds.splice(to, 0, articleId);
          }),
        };
      }
      case 'updateBundle': {
        const description = `described by edit ${n}`;
        return { method, input: { id: bundleIds.get(name), description }, apply: withBundle((b) => void (b.description = description)) };
      }
      case 'deleteBundle':
        return {
          method,
          input: { id: bundleIds.get(name) },
          apply: change((next) => void delete next.bundles[name]),
        };
      default: {
        const org = `Crash Gazette ${n}`;
        return { method: 'updateSettings', input: { organizationName: org }, apply: change((next) => void (next.org = org)) };
      }
    }
  }

  /** Reads the desk after a kill: it must open and validate, and every backup the server made must check out. */
  async function actual(): Promise<{ states: EditorState[]; garbage: string[]; articles: number }> {
    const opened = await checkDesk(dir);
    const org = (await loadSettings(dir)).organizationName;
    const scan = await scanBackups(join(dir, 'backups'));
    check(scan.unreadable.length === 0, `unreadable backups: ${JSON.stringify(scan.unreadable)}`);
    for (const b of scan.backups) {
      if (verifiedBackups.has(b.id)) continue;
      await verifyBackup(join(dir, 'backups'), b.id, 'full').catch((err: Error) => {
        throw new CrashCheckError(`backup ${b.id} does not check out: ${err.message}`);
      });
      verifiedBackups.add(b.id);
    }
    return { states: stateOf(opened.records, opened.bundles, org), garbage: opened.seen.garbage, articles: opened.records.length };
  }

  /** Starts the server; resolves with its origin and token once it prints its URL, or null if it died first. */
  function serve(): { cli: CliProcess; ready: Promise<{ origin: string; token: string } | null> } {
    const cli = startCli(['serve', '--db', dir, '--port', '0'], env);
    running.add(cli);
    let out = '';
    const ready = new Promise<{ origin: string; token: string } | null>((resolve) => {
      cli.child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^Copydesk is serving (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)$/m.exec(out);
        if (m) resolve({ origin: m[1]!, token: m[2]! });
      });
      void cli.exited.then(() => resolve(null));
    });
    return { cli, ready };
  }

  /**
   * One server run: editors call until `stop` says so. `onAck` sees every acknowledged answer and may kill.
   * Returns per editor the acknowledged calls and the call still in flight.
   */
  async function stream(server: { origin: string; token: string }, rngs: Rng[], stop: { now: boolean }, onAck: () => void) {
    const acked = own.map(() => 0);
    const inFlight: (Op | null)[] = own.map(() => null);
    const failures: string[] = [];
    const call = async (op: Op): Promise<Answer> => {
      const res = await fetch(`${server.origin}/api/${op.method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(op.input),
      });
      return JSON.parse(await res.text()) as Answer;
    };
    await Promise.all(
      own.map(async (_, w) => {
        while (!stop.now) {
          const op = nextOp(w, model[w]!, rngs[w]!);
          inFlight[w] = op;
          let answer: Answer;
          try {
            answer = await call(op);
          } catch {
            return; // the server is gone; whether this call landed is for the check to find
          }
          if (!answer.ok) {
            failures.push(`${op.method} ${JSON.stringify(op.input).slice(0, 200)} was refused: ${answer.error.code} ${answer.error.message}`);
            stop.now = true;
            return;
          }
          model[w] = op.apply(model[w]!);
          op.learn?.(answer.value);
          inFlight[w] = null;
          acked[w]!++;
          onAck();
        }
      }),
    );
    return { acked, inFlight, failures };
  }

  return {
    name: 'edits',
    describe: () => `${editors} editors at once on ${own.flat().length} articles of a desk served over HTTP; start-up ${Math.round(startupMs)} ms, ~${Math.round(acksPerStream)} acknowledged calls in ${ctx.scale.streamMs} ms`,

    async prepare() {
      const corpus = await writeBatchedCorpus(join(ctx.work, 'edits-corpus'), { folders: ctx.scale.editFolders, filesPerFolder: ctx.scale.editFilesPerFolder, seed: 0xed175 });
      const desk = await Desk.open(dir);
      try {
        await importFiles(desk, [corpus.dir]);
        const list = desk.list();
        for (let w = 0; w < editors; w++) own.push(list.filter((_, i) => i % editors === w).slice(0, 12).map((s) => s.id));
        for (const id of own.flat()) {
          const rec = (await desk.get(id))!;
          const words = rec.original.paragraphs[2]?.split(' ').slice(1, 7).join(' ');
          if (words && words.split(' ').length === 6) claimText.set(id, words);
        }
      } finally {
        await desk.close();
      }
      model = (await actual()).states;
      // Calibration: a server run stopped gracefully after a stream.
      const t0 = performance.now();
      const { cli, ready } = serve();
      const server = await ready;
      check(server, 'the calibration server did not start');
      startupMs = performance.now() - t0;
      const stop = { now: false };
      setTimeout(() => (stop.now = true), ctx.scale.streamMs);
      const got = await stream(server, own.map((_, w) => makeRng(w + 1)), stop, () => undefined);
      check(got.failures.length === 0, got.failures.join('; '));
      acksPerStream = got.acked.reduce((a, b) => a + b, 0);
      cli.child.kill('SIGTERM');
      await cli.exited;
      running.delete(cli);
      const after = await actual();
      check(canon(after.states) === canon(model), 'the calibration stream did not leave what its answers said');
    },

    async run(k) {
      const mode = (['anywhere', 'stream', 'on-ack', 'on-ack'] as const)[k % 4]!;
      const rngs = own.map(() => makeRng(ctx.rng.int(0, 2 ** 31 - 1)));
      const killAtAck = ctx.rng.int(1, Math.max(2, Math.round(acksPerStream)));
      const delay = mode === 'anywhere' ? ctx.rng.next() * (startupMs + ctx.scale.streamMs) : ctx.rng.next() * ctx.scale.streamMs;
      const before = canon(model);
      const spawned = performance.now();
      const { cli, ready } = serve();
      const stop = { now: false };
      const kill = (): void => {
        stop.now = true;
        cli.child.kill('SIGKILL');
      };
      let timer: NodeJS.Timeout | undefined = mode === 'anywhere' ? setTimeout(kill, delay) : undefined;
      // A stream never outlives its run: if no kill fires (a slow machine), it is killed after twice the window.
      let guard: NodeJS.Timeout | undefined;
      let acks = 0;
      let got: Awaited<ReturnType<typeof stream>> = { acked: own.map(() => 0), inFlight: own.map(() => null), failures: [] };
      const server = await ready;
      const readyMs = performance.now() - spawned;
      if (server) {
        if (mode === 'stream') timer = setTimeout(kill, delay);
        guard = setTimeout(kill, 2 * ctx.scale.streamMs + 5000);
        got = await stream(server, rngs, stop, () => {
          if (mode === 'on-ack' && ++acks === killAtAck) kill();
        });
      }
      if (got.failures.length > 0) kill();
      clearTimeout(timer);
      clearTimeout(guard);
      const exit = await cli.exited;
      running.delete(cli);
      const how = `${mode === 'anywhere' ? `kill at ${delay.toFixed(0)} ms` : mode === 'stream' ? `kill ${delay.toFixed(0)} ms into the stream` : `kill on answer ${killAtAck}`}, ${server ? `served after ${readyMs.toFixed(0)} ms` : 'killed before serving'}, exit ${exit.code ?? exit.signal}`;
      try {
        check(got.failures.length === 0, got.failures.join('; '));
        check(exit.signal === 'SIGKILL', `the server exited by itself (${exit.code}): ${exit.stderr.slice(0, 500)}`);
        const found = await actual();
        let lost = 0;
        let inFlightLanded = 0;
        const next: EditorState[] = [];
        const problems: string[] = [];
        for (let w = 0; w < editors; w++) {
          const want = model[w]!;
          const op = got.inFlight[w];
          const withOp = op ? op.apply(want) : null;
          const have = found.states[w]!;
          if (canon(have) === canon(want)) next.push(want);
          else if (withOp && canon(have) === canon(withOp)) {
            inFlightLanded++;
            next.push(withOp);
          } else {
            // Count what is missing: each article, bundle or setting that matches neither state.
            const at = (st: EditorState | null, kind: 'articles' | 'bundles', key: string): string => canon(st ? (st[kind][key] ?? null) : undefined);
            const names = new Set([...Object.keys(want.bundles), ...Object.keys(have.bundles), ...Object.keys(withOp?.bundles ?? {})]);
            const keys = [...Object.keys(want.articles).map((id) => ['articles', id] as const), ...[...names].map((b) => ['bundles', b] as const)];
            for (const [kind, key] of keys) {
              const h = at(have, kind, key);
              if (h !== at(want, kind, key) && h !== at(withOp, kind, key)) {
                lost++;
                problems.push(`editor ${w} ${kind} ${key}: expected ${at(want, kind, key)}, found ${h}`);
              }
            }
            if (have.org !== want.org && have.org !== withOp?.org) {
              lost++;
              problems.push(`editor ${w} organizationName: expected ${want.org}, found ${have.org}`);
            }
            if (problems.length === 0) problems.push(`editor ${w}: the in-flight ${op?.method} landed in part`);
            next.push(have);
          }
        }
        model = next;
        const acknowledged = got.acked.reduce((a, b) => a + b, 0);
        if (problems.length > 0) throw new CrashCheckError(`${problems.length} acknowledged change(s) missing or partial: ${problems.slice(0, 5).join('; ')}`, lost);
        const changed = canon(model) !== before;
        const landing: Landing = changed ? 'landed' : found.garbage.length > 0 ? 'mid-write' : 'before';
        return {
          killed: true,
          landing,
          acknowledged,
          lost,
          inFlightLanded,
          tmpLeftovers: found.garbage.filter((n) => n.endsWith('.tmp')).length,
          detail: `${how}; ${acknowledged} acknowledged calls all present, ${inFlightLanded} of ${got.inFlight.filter(Boolean).length} in flight landed whole, ${found.articles} articles checked`,
        };
      } catch (err) {
        if (err instanceof CrashCheckError) err.message = `${how}: ${err.message}`;
        // Carry on from what the desk holds, so one failure does not fail every later run.
        model = await actual().then((a) => a.states).catch(() => model);
        throw err;
      }
    },
  };
}
