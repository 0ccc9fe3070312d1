import { describe, expect, it } from 'vitest';
import { formatReport, runCrashHarness } from './harness.js';
import { SCALES, SCENARIOS } from './types.js';

/**
 * The quick crash run for `npm test`: 30 SIGKILLs, round-robin over the four scenarios (a large import, a stream
 * of edits through the browser-mode server, a bundle export, a bundle import), at the quick scale (~700
 * articles). After every kill the desk opens with no recovery, every store file validates, every acknowledged
 * edit, import and export is there, and nothing partial is visible (see tests/crash/scenario-*.ts). The full
 * run, 200+ kills at ~3,000 articles, is `npm run test:crash -- --runs 220`; its figures are in
 * docs/RELIABILITY.md.
 */
const KILLS = 30;

describe('SIGKILL at random moments (quick crash run)', () => {
  it(`leaves a desk that opens, validates and keeps every acknowledged change, over ${KILLS} kills`, async () => {
    const lines: string[] = [];
    const report = await runCrashHarness({ runs: KILLS * 2, kills: KILLS, seed: 0xc0ffee, scale: SCALES.quick, failFast: true, log: (l) => lines.push(l) });
    console.log(formatReport(report));
    expect(report.failures, lines.join('\n')).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.kills).toBeGreaterThanOrEqual(KILLS);
    for (const name of SCENARIOS) {
      const s = report.scenarios[name];
      expect(s.kills, `${name} was killed ${s.kills} times`).toBeGreaterThanOrEqual(3);
      expect(s.lost, name).toBe(0);
    }
    // The kills must really reach the writing, not only start-up: some leave half-written files or land commits.
    const inWrites = SCENARIOS.reduce((n, name) => n + report.scenarios[name].landings['mid-write'] + report.scenarios[name].landings.landed, 0);
    expect(inWrites).toBeGreaterThanOrEqual(8);
    expect(report.scenarios.edits.acknowledged).toBeGreaterThan(20);
  }, 420_000);
});
