import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type HarnessOptions, formatReport, runCrashHarness } from '../tests/crash/harness.js';
import { SCALES, SCENARIOS, type ScenarioName } from '../tests/crash/types.js';

/**
 * npm run test:crash -- --runs N [--seed S] [--json FILE] [--scale full|quick] [--only import,edits,export,bundle-import] [--fail-fast]
 *
 * Runs the SIGKILL crash harness (tests/crash/) at full scale by default and prints its figures; exits 1 if any
 * check failed or any acknowledged operation was lost.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string' },
    json: { type: 'string' },
    scale: { type: 'string', default: 'full' },
    only: { type: 'string' },
    'fail-fast': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive whole number, not ${values.runs}`);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed takes a whole number, not ${values.seed}`);
const scale = SCALES[values.scale as keyof typeof SCALES];
if (!scale) throw new Error(`--scale is one of ${Object.keys(SCALES).join(', ')}`);
const only = values.only?.split(',').map((s) => s.trim()) as ScenarioName[] | undefined;
const unknown = only?.filter((n) => !SCENARIOS.includes(n));
if (unknown?.length) throw new Error(`--only takes ${SCENARIOS.join(', ')} (not ${unknown.join(', ')})`);

const opts: HarnessOptions = {
  runs,
  seed,
  scale,
  ...(only ? { only } : {}),
  failFast: values['fail-fast'],
  log: (line) => {
    if (!values.quiet) process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  },
};
process.stderr.write(`crash harness: ${runs} runs, seed ${seed}, ${scale.name} scale\n`);
const report = await runCrashHarness(opts);
process.stdout.write(`${formatReport(report)}\n`);
if (values.json) await writeFile(values.json, `${JSON.stringify({ command: `npm run test:crash -- ${process.argv.slice(2).join(' ')}`, ...report }, null, 2)}\n`);
process.exitCode = report.failures.length > 0 || report.lost > 0 ? 1 : 0;
