import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../electron/core/store/settings.js';
import { runCli } from './run-cli.js';

let db: string;
let ids: string[];

beforeAll(async () => {
  db = await mkdtemp(join(tmpdir(), 'copydesk-claims-'));
  await runCli(['import', 'seeds', '--db', db, '--json']);
  ids = JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout).map((r: { id: string }) => r.id);
}, 60_000);
afterAll(() => rm(db, { recursive: true, force: true }));

const claims = async (id: string) => JSON.parse((await runCli(['claims', id, '--db', db, '--json'])).stdout);

describe('copydesk claims', () => {
  it('prints the contract shape, key for key, with the seed goldens', async () => {
    const v = await claims(ids[0]!);
    expect(Object.keys(v)).toEqual(['claims', 'quotes', 'entities', 'dates']);
    for (const c of v.claims) expect(Object.keys(c)).toEqual(['id', 'text', 'score', 'reasons', 'verdict', 'notes', 'sources', 'anchor', 'orphaned']);
    expect(v.claims.map((c: { text: string }) => c.text)).toContain('The two countries signed a mutual defense pact last year.');
    expect(v.quotes).toContainEqual({ text: 'fully support all measures to be taken by the Russian leadership in the future, too.', speaker: 'Kim' });
    expect(v.dates).toContainEqual({ text: 'last year', resolved: '2024' });
    expect(v.entities).toEqual(expect.arrayContaining([
      { name: 'Vladimir Putin', type: 'person', count: expect.any(Number) },
      { name: 'Kim Jong Un', type: 'person', count: expect.any(Number) },
      { name: 'Korean Central News Agency', type: 'organization', count: expect.any(Number) },
      { name: 'Pyongyang', type: 'place', count: expect.any(Number) },
      { name: 'Kursk', type: 'place', count: expect.any(Number) },
    ]));
    const two = await claims(ids[1]!);
    expect(two.quotes).toContainEqual(expect.objectContaining({ speaker: 'Mosharraf Zaidi' }));
    expect(two.entities).toContainEqual(expect.objectContaining({ name: 'Kabul', type: 'place' }));
    expect(two.dates.filter((d: { text: string }) => !/\d{4}/.test(d.text)).every((d: { resolved: string | null }) => d.resolved === null)).toBe(true);
  });

  it('records a verdict with a note and a source, updates it, and keeps it over a correction', async () => {
    const text = 'The two countries signed a mutual defense pact last year';
    let run = await runCli(['claim', ids[0]!, '--text', text, '--verdict', 'true', '--note', 'Treaty signed 19 June 2024', '--source', 'https://example.org/treaty', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    run = await runCli(['claim', ids[0]!, '--text', text, '--verdict', 'mostly-true', '--note', 'Ratified later', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    let ruled = (await claims(ids[0]!)).claims.filter((c: { verdict: string }) => c.verdict !== 'unverified');
    expect(ruled).toHaveLength(1);
    expect(ruled[0]).toMatchObject({ text, verdict: 'mostly-true', notes: ['Treaty signed 19 June 2024', 'Ratified later'], sources: ['https://example.org/treaty'], orphaned: false });

    // A correction elsewhere in the sentence keeps the claim anchored; deleting its words orphans it, never drops it.
    await runCli(['correct', ids[0]!, '--field', 'highlight:2', '--text', 'The pact was signed in Pyongyang.', '--db', db]);
    ruled = (await claims(ids[0]!)).claims.filter((c: { verdict: string }) => c.verdict !== 'unverified');
    expect(ruled[0]).toMatchObject({ verdict: 'mostly-true', orphaned: false, anchor: { exact: text } });
    await runCli(['correct', ids[0]!, '--field', 'paragraph:7', '--text', 'The pact was signed during a state visit.', '--db', db]);
    ruled = (await claims(ids[0]!)).claims.filter((c: { verdict: string }) => c.verdict !== 'unverified');
    expect(ruled[0]).toMatchObject({ verdict: 'mostly-true', orphaned: true, anchor: { exact: text } });
  }, 60_000);

  it('refuses words that are not in the article, an unknown verdict and a non-http source', async () => {
    let run = await runCli(['claim', ids[0]!, '--text', 'Pyongyang annexed Alaska', '--verdict', 'false', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the text "Pyongyang annexed Alaska" is not in the article/);
    run = await runCli(['claim', ids[0]!, '--text', 'Kursk', '--verdict', 'pants-on-fire', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--verdict, one of unverified, true, mostly-true, misleading, false, unproven/);
    run = await runCli(['claim', ids[0]!, '--text', 'Kursk', '--verdict', 'true', '--source', 'javascript:alert(1)', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/must be an http or https URL/);
  }, 60_000);
});

describe('the desk’s own verdict scale', () => {
  it('is what claim --help lists and --verdict accepts', async () => {
    const own = await mkdtemp(join(tmpdir(), 'copydesk-scale-'));
    try {
      expect((await runCli(['import', 'seeds', '--db', own, '--json'])).code).toBe(0);
      const id = JSON.parse((await runCli(['list', '--db', own, '--json'])).stdout)[0].id;
      expect((await runCli(['claim', '--help', '--db', own])).stdout).toMatch(/is one of this desk's verdicts: unverified, true, mostly-true, misleading, false, unproven\./);
      await updateSettings(own, {
        verdicts: [
          { id: 'unverified', label: 'Unverified', rating: null },
          { id: 'half-true', label: 'Half true', rating: 3 },
          { id: 'pants-on-fire', label: 'Pants on fire', rating: 1 },
        ],
      });
      expect((await runCli(['claim', '--help', '--db', own])).stdout).toMatch(/is one of this desk's verdicts: unverified, half-true, pants-on-fire\./);
      let run = await runCli(['claim', id, '--text', 'Kursk', '--verdict', 'false', '--db', own]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--verdict, one of unverified, half-true, pants-on-fire \(not "false"\)/);
      run = await runCli(['claim', id, '--text', 'Kursk', '--verdict', 'pants-on-fire', '--db', own, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).claims).toContainEqual(expect.objectContaining({ text: 'Kursk', verdict: 'pants-on-fire' }));
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
