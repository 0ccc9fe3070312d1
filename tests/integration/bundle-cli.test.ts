import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskService } from '../../electron/core/service.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import { tempDirs } from '../support/temp-dir.js';
import { type CliRun, runCli } from './run-cli.js';

const ENV = { COPYDESK_EDITOR: 'Bundle Desk' };
const ID_LINE = /^b[0-9a-f]{10}\n$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BUNDLE_KEYS = ['articleIds', 'count', 'createdAt', 'description', 'id', 'modifiedAt', 'name'];

const tmp = tempDirs('copydesk-bundle-cli-');
afterAll(tmp.cleanup);

let db: string;
/** The two seed articles, in import order: the first tagged Korea, the second spiked. */
let ids: [string, string];
const run = (...args: string[]) => runCli([...args, '--db', db], ENV);

/** The bundle id printed by a successful `bundle create`: only the id and a newline on stdout. */
function createdId(r: CliRun): string {
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(ID_LINE);
  return r.stdout.trim();
}

async function list(): Promise<{ id: string; name: string; description: string; count: number; articleIds: string[]; createdAt: string; modifiedAt: string }[]> {
  const r = await run('bundle', 'list', '--json');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  db = await tmp.make();
  expect((await run('import', 'seeds', '--json')).code).toBe(0);
  const rows = JSON.parse((await run('list', '--json')).stdout) as { id: string }[];
  ids = [rows[0]!.id, rows[1]!.id];
  expect((await run('tag', ids[0].slice(0, 6), 'Korea')).code).toBe(0);
  expect((await run('status', ids[1].slice(0, 6), 'spiked')).code).toBe(0);
});

describe('copydesk bundle create', () => {
  it('starts with no bundles', async () => {
    expect(await list()).toEqual([]);
    const r = await run('bundle', 'list');
    expect(r).toMatchObject({ code: 0, stdout: 'The desk has no bundles. Make one with: copydesk bundle create <name>\n' });
  });

  it('--ids takes unique prefixes, in the order given, and prints only the id', async () => {
    const r = await run('bundle', 'create', 'Both, reversed', '--ids', `${ids[1].slice(0, 5)}, ${ids[0]}`, '--description', 'Spiked first, for the record');
    expect(r.stderr).toBe('');
    const id = createdId(r);
    const b = (await list()).find((x) => x.id === id)!;
    expect(b).toMatchObject({ name: 'Both, reversed', description: 'Spiked first, for the record', count: 2, articleIds: [ids[1], ids[0]] });
  });

  it('--tag, --status and no selector pick by the list filter (spiked left out unless asked for)', async () => {
    const byTag = createdId(await run('bundle', 'create', 'Korea', '--tag', 'korea'));
    const byStatus = createdId(await run('bundle', 'create', 'Spiked', '--status', 'spiked'));
    const all = createdId(await run('bundle', 'create', 'Everything live'));
    const bundles = new Map((await list()).map((b) => [b.id, b]));
    expect(bundles.get(byTag)!.articleIds).toEqual([ids[0]]);
    expect(bundles.get(byStatus)!.articleIds).toEqual([ids[1]]);
    expect(bundles.get(all)!.articleIds).toEqual([ids[0]]);

    const none = await run('bundle', 'create', 'Nothing', '--status', 'approved');
    expect(createdId(none)).toMatch(/^b/);
    expect(none.stderr).toBe('copydesk bundle: no article matched, so bundle "Nothing" is empty\n');
  });

  it('refuses a taken name or an unknown article (exit 1) and mistakes in the command (exit 2), changing nothing', async () => {
    const before = await list();
    const refusals: [string[], number, string][] = [
      [['bundle', 'create', 'KOREA'], 1, `copydesk bundle: a bundle named "Korea" already exists (${before.find((b) => b.name === 'Korea')!.id}); bundle names ignore case\n`],
      [['bundle', 'create', 'New', '--ids', `${ids[0]},ffffffffffffffff`], 1, 'copydesk bundle: no article with id ffffffffffffffff\n'],
      [['bundle', 'create', 'New', '--ids', ''], 2, 'copydesk bundle: --ids takes article ids separated by commas, such as --ids 1084,9f2c\nRun "copydesk bundle --help" for usage.\n'],
      [['bundle', 'create', 'New', '--tag', 'x', '--status', 'new'], 2, 'copydesk bundle: choose the articles one way: --tag and --status were both given\nRun "copydesk bundle --help" for usage.\n'],
      [['bundle', 'create', 'New', '--status', 'done'], 2, expect.stringContaining('unknown status "done"')],
      [['bundle', 'create', '  '], 2, expect.stringContaining('a bundle name cannot be empty')],
      [['bundle', 'create', 'x'.repeat(201)], 2, expect.stringContaining('a bundle name is at most 200 characters')],
      [['bundle', 'create', 'a', 'b'], 2, expect.stringContaining('bundle create takes exactly one name')],
      [['bundle', 'rename', 'a'], 2, expect.stringContaining('unknown bundle subcommand "rename": use create or list')],
    ];
    type Refusal = (typeof refusals)[number];
    const check = ([args, code, stderr]: Refusal, r: CliRun) => expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).toEqual({ code, stdout: '', stderr });
    for (const refusal of refusals.filter(([, code]) => code === 1)) check(refusal, await run(...refusal[0]));
    // Usage mistakes are caught before the desk is opened, so these runs cannot contend for its lock: run them at once.
    const mistakes = refusals.filter(([, code]) => code === 2);
    const results = await Promise.all(mistakes.map(([args]) => run(...args)));
    mistakes.forEach((refusal, i) => check(refusal, results[i]!));
    expect(await list()).toEqual(before);
  });
});

describe('copydesk bundle list', () => {
  it('--json prints every bundle with exactly the contract keys, oldest first; without it, a table', async () => {
    const bundles = await list();
    expect(bundles.map((b) => b.name)).toEqual(['Both, reversed', 'Korea', 'Spiked', 'Everything live', 'Nothing']);
    for (const b of bundles) {
      expect(Object.keys(b).sort()).toEqual(BUNDLE_KEYS);
      expect(b.count).toBe(b.articleIds.length);
      expect(b.createdAt).toMatch(ISO);
      expect(b.modifiedAt).toBe(b.createdAt);
    }
    const table = await run('bundle', 'list');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(new RegExp(`^${bundles[0]!.id}  2 articles    \\d{4}-\\d{2}-\\d{2}  Both, reversed  "Spiked first, for the record"$`));
    expect(lines[1]).toMatch(new RegExp(`^${bundles[1]!.id}  1 article     \\d{4}-\\d{2}-\\d{2}  Korea$`));
    expect(lines.at(-1)).toBe('5 bundles');
  });

  it('shows a change undone through the API, and --help documents the contract', async () => {
    const korea = (await list()).find((b) => b.name === 'Korea')!;
    const desk = await Desk.open(db);
    try {
      const service = new DeskService(desk);
      const renamed = await service.call('updateBundle', { id: korea.id, name: 'Korea desk' });
      expect(renamed).toMatchObject({ ok: true, value: { name: 'Korea desk' } });
      const added = await service.call('addToBundle', { id: korea.id, ids: [ids[1]], position: 0 });
      expect(added).toMatchObject({ ok: true, value: { added: 1 } });
      const undone = await service.call('undoBundle', { id: korea.id });
      expect(undone).toMatchObject({ ok: true, value: { name: 'Korea desk', articleIds: [ids[0]] } });
      // The CLI's revision is signed by its editor; the API's undo is one more revision, of the addition.
      if (undone.ok) expect(undone.value.revisions.map((r) => [r.id, r.op, r.field, r.target])).toEqual([['r1', 'edit', 'bundle', null], ['r2', 'edit', 'name', null], ['r3', 'edit', 'articleIds', null], ['r4', 'undo', 'articleIds', 'r3']]);
      if (undone.ok) expect(undone.value.revisions[0]).toMatchObject({ editor: 'Bundle Desk', reason: 'created' });
    } finally {
      await desk.close();
    }
    expect((await list()).find((b) => b.id === korea.id)).toMatchObject({ name: 'Korea desk', articleIds: [ids[0]], count: 1 });

    const help = await runCli(['bundle', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: copydesk bundle create <name> [--ids a,b,… | --tag T | --status S]');
    expect(help.stdout).toContain('no selector   every article that is not spiked');
    expect((await runCli(['--help'])).stdout).toContain('bundle create <name> [--ids a,b,… | --tag T | --status S]');
  });
});
