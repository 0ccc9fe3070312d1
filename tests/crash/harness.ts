import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { makeRng } from '../support/seed-corpus.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { killAll } from './kill.js';
import { bundleImportScenario } from './scenario-bundle-import.js';
import { editsScenario } from './scenario-edits.js';
import { exportScenario } from './scenario-export.js';
import { importScenario } from './scenario-import.js';
import { type Ctx, type Landing, type RunOutcome, SCALES, SCENARIOS, type Scale, type Scenario, type ScenarioName, type Shared } from './types.js';
import { CrashCheckError } from './verify-store.js';

/**
 * The crash harness: four scenarios, run round-robin (import, edits, export, bundle import), each run killing the
 * real CLI or server with SIGKILL at a seeded random moment and then checking the desk (see each scenario).
 * `npm run test:crash -- --runs N` (scripts/crash.ts) runs it at full scale; tests/crash/crash-quick.test.ts runs a
 * quick one in `npm test`.
 */
export interface HarnessOptions {
  /** Runs in all, shared round-robin between the scenarios. */
  runs: number;
  /** Stop early once this many kills have been made (the quick test asks for kills, not runs). */
  kills?: number;
  seed: number;
  scale: Scale;
  /** Only these scenarios (default: all four). */
  only?: readonly ScenarioName[];
  log?: (line: string) => void;
  /** Stop at the first failure rather than counting it and carrying on. */
  failFast?: boolean;
}

export interface ScenarioTally {
  runs: number;
  kills: number;
  completed: number;
  landings: Record<Landing, number>;
  acknowledged: number;
  lost: number;
  inFlightLanded: number;
  tmpLeftovers: number;
  failures: number;
  ms: number;
  setup: string;
}

export interface CrashReport {
  seed: number;
  scale: string;
  runs: number;
  kills: number;
  acknowledged: number;
  lost: number;
  failures: { run: number; scenario: ScenarioName; message: string }[];
  scenarios: Record<ScenarioName, ScenarioTally>;
  seconds: number;
  machine: { cpus: number; model: string; memGB: number; freeGB: number; load: number[]; node: string; platform: string };
  startedAt: string;
}

const emptyTally = (): ScenarioTally => ({
  runs: 0, kills: 0, completed: 0, landings: { before: 0, 'mid-write': 0, landed: 0, completed: 0 }, acknowledged: 0, lost: 0, inFlightLanded: 0, tmpLeftovers: 0, failures: 0, ms: 0, setup: '',
});

export const machine = (): CrashReport['machine'] => ({
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  memGB: Math.round(totalmem() / 2 ** 30),
  freeGB: Math.round(freemem() / 2 ** 30),
  load: loadavg().map((l) => Math.round(l * 10) / 10),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
});

export async function runCrashHarness(opts: HarnessOptions): Promise<CrashReport> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  const work = await makeTempDir('copydesk-crash-');
  const shared: Shared = {};
  const seedRng = makeRng(opts.seed);
  const ctxFor = (): Ctx => ({ work, scale: opts.scale, rng: makeRng(seedRng.int(0, 2 ** 31 - 1)), shared, env: { COPYDESK_EDITOR: 'Crash Editor' }, log });
  // Prepared in dependency order: the import makes the desk the export copies, whose archive the bundle import uses.
  const all: Record<ScenarioName, (ctx: Ctx) => Scenario> = { import: importScenario, export: exportScenario, 'bundle-import': bundleImportScenario, edits: editsScenario };
  const wanted = new Set(opts.only ?? SCENARIOS);
  // The export needs the import's desk, and the bundle import the export's archive: prepare what they depend on.
  const prepareOrder: ScenarioName[] = ['import', 'export', 'bundle-import', 'edits'].filter(
    (n) => wanted.has(n as ScenarioName) || (n === 'import' && (wanted.has('export') || wanted.has('bundle-import'))) || (n === 'export' && wanted.has('bundle-import')),
  ) as ScenarioName[];
  const scenarios = new Map<ScenarioName, Scenario>();
  const report: CrashReport = {
    seed: opts.seed,
    scale: opts.scale.name,
    runs: 0,
    kills: 0,
    acknowledged: 0,
    lost: 0,
    failures: [],
    scenarios: Object.fromEntries(SCENARIOS.filter((n) => wanted.has(n)).map((n) => [n, emptyTally()])) as Record<ScenarioName, ScenarioTally>,
    seconds: 0,
    machine: machine(),
    startedAt: new Date().toISOString(),
  };
  try {
    for (const name of prepareOrder) {
      const t = performance.now();
      const s = all[name](ctxFor());
      await s.prepare();
      scenarios.set(name, s);
      log(`prepared ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${s.describe()}`);
    }
    const order = SCENARIOS.filter((n) => wanted.has(n));
    const perScenario = new Map<ScenarioName, number>();
    for (let run = 0; run < opts.runs && !(opts.kills !== undefined && report.kills >= opts.kills); run++) {
      const name = order[run % order.length]!;
      const scenario = scenarios.get(name)!;
      const tally = report.scenarios[name];
      const k = perScenario.get(name) ?? 0;
      perScenario.set(name, k + 1);
      const t = performance.now();
      let outcome: RunOutcome | null = null;
      try {
        outcome = await scenario.run(k);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report.failures.push({ run, scenario: name, message });
        tally.failures++;
        tally.runs++;
        report.runs++;
        const lost = err instanceof CrashCheckError ? err.lost : 0;
        tally.lost += lost;
        report.lost += lost;
        log(`run ${run} ${name} #${k}: FAILED: ${message}`);
        if (opts.failFast || !(err instanceof CrashCheckError)) throw err;
        continue;
      } finally {
        tally.ms += performance.now() - t;
      }
      tally.runs++;
      report.runs++;
      if (outcome.killed) {
        tally.kills++;
        report.kills++;
      } else tally.completed++;
      tally.landings[outcome.landing]++;
      tally.acknowledged += outcome.acknowledged;
      report.acknowledged += outcome.acknowledged;
      tally.lost += outcome.lost;
      report.lost += outcome.lost;
      tally.inFlightLanded += outcome.inFlightLanded;
      tally.tmpLeftovers += outcome.tmpLeftovers;
      log(`run ${run} ${name} #${k} (${((performance.now() - t) / 1000).toFixed(1)} s): ${outcome.killed ? `killed, ${outcome.landing}` : 'completed'}; ${outcome.detail}`);
    }
    for (const [name, s] of scenarios) {
      if (!wanted.has(name) || !s.finish) continue;
      try {
        await s.finish();
        log(`${name}: final uninterrupted run completed the reused desk`);
      } catch (err) {
        report.failures.push({ run: report.runs, scenario: name, message: `final run: ${(err as Error).message}` });
        report.scenarios[name].failures++;
        if (opts.failFast) throw err;
      }
    }
    for (const [name, s] of scenarios) if (wanted.has(name)) report.scenarios[name].setup = s.describe();
  } finally {
    killAll();
    report.seconds = Math.round((performance.now() - t0) / 100) / 10;
    report.machine.load = machine().load;
    await removeTempDir(work);
  }
  return report;
}

export function formatReport(r: CrashReport): string {
  const rows = Object.entries(r.scenarios).map(([name, t]) =>
    `| ${name} | ${t.runs} | ${t.kills} | ${t.landings.before} / ${t.landings['mid-write']} / ${t.landings.landed} | ${t.completed} | ${t.acknowledged} | ${t.inFlightLanded} | ${t.lost} | ${t.tmpLeftovers} | ${t.failures} | ${(t.ms / 1000).toFixed(0)} |`,
  );
  return [
    `crash harness: seed ${r.seed}, ${r.scale} scale, ${r.runs} runs, ${r.kills} kills, ${r.acknowledged} acknowledged operations checked, lost ${r.lost}, ${r.failures.length} failures, ${r.seconds} s`,
    '',
    '| scenario | runs | kills | kill landed before / mid-write / after a commit | ran to completion | acknowledged checked | in flight, landed whole | lost | *.tmp left | failures | seconds |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...Object.entries(r.scenarios).map(([name, t]) => `${name}: ${t.setup}`),
    `machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memGB} GB, ${r.machine.platform}, node ${r.machine.node}, load ${r.machine.load.join(' ')}`,
    ...r.failures.map((f) => `FAILED run ${f.run} (${f.scenario}): ${f.message}`),
  ].join('\n');
}

export { SCALES };
