import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { runCliToEnd as cli } from '../support/cli-process.js';
import { type ServedDesk, serveDesk } from '../support/serve-desk.js';
import { tempDirs } from '../support/temp-dir.js';

const tmp = tempDirs('copydesk-backup-cli-');
const servers: ServedDesk[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await tmp.cleanup();
});

const ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-(open|interval|manual|before-restore)(-\d+)?$/;
const ROW_KEYS = ['articles', 'createdAt', 'id', 'reason', 'size'];
const json = <T>(text: string): T => JSON.parse(text) as T;
type Row = { id: string; createdAt: string; reason: string; articles: number | null; size: number };

let db: string;
let articleId: string;
beforeAll(async () => {
  db = await tmp.make();
  expect((await cli(['import', 'seeds', '--db', db])).code).toBe(0);
  articleId = json<{ id: string }[]>((await cli(['list', '--db', db, '--json'])).stdout)[0]!.id;
});

describe('copydesk backup create|list', () => {
  it('create prints the new backup id, or with --json {id, createdAt, reason, articles, size}', async () => {
    const plain = await cli(['backup', 'create', '--db', db]);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^\S+\n$/);
    expect(plain.stdout.trim()).toMatch(ID);
    expect(plain.stdout.trim()).toMatch(/-manual$/);

    const made = await cli(['backup', 'create', '--db', db, '--json']);
    expect(made.code).toBe(0);
    const row = json<Row>(made.stdout);
    expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
    expect(row).toMatchObject({ reason: 'manual', articles: 2 });
    expect(row.id).toMatch(ID);
    expect(new Date(row.createdAt).toISOString()).toBe(row.createdAt);
    expect(row.size).toBeGreaterThan(1000);
  });

  it('list prints a table, or with --json an array of {id, createdAt, reason, articles, size}, newest first', async () => {
    const listed = await cli(['backup', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const rows = json<Row[]>(listed.stdout);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(ROW_KEYS);
    expect(Date.parse(rows[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(rows[1]!.createdAt));

    const table = await cli(['backup', 'list', '--db', db]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CREATED \(UTC\)\s+REASON\s+ARTICLES\s+SIZE$/);
    expect(lines.slice(1, 3).map((l) => l.split(/\s+/)[0])).toEqual(rows.map((r) => r.id));
    expect(lines[1]).toMatch(/\smanual\s+2\s+\d+(\.\d)? KB$/);
    expect(lines.at(-1)).toBe(`2 backups in ${join(db, 'backups')}`);
  });
});

describe('copydesk backup restore', () => {
  it('restores a backup, and the before-restore backup it prints undoes it', async () => {
    const [backup] = json<Row[]>((await cli(['backup', 'list', '--db', db, '--json'])).stdout);
    expect((await cli(['status', articleId, 'checked', '--db', db])).code).toBe(0);

    const restored = await cli(['backup', 'restore', backup!.id, '--db', db]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const [first, second] = restored.stdout.trimEnd().split('\n');
    expect(first).toBe(`restored backup ${backup!.id} (made ${backup!.createdAt}, 2 articles)`);
    const undo = /^the desk as it was is backup (\S+); to undo: copydesk backup restore \1$/.exec(second!);
    expect(undo).not.toBeNull();
    expect(json<{ status: string }>((await cli(['show', articleId, '--db', db, '--json'])).stdout).status).toBe('new');

    expect((await cli(['backup', 'restore', undo![1]!, '--db', db])).code).toBe(0);
    expect(json<{ status: string }>((await cli(['show', articleId, '--db', db, '--json'])).stdout).status).toBe('checked');
    const reasons = json<Row[]>((await cli(['backup', 'list', '--db', db, '--json'])).stdout).map((r) => r.reason);
    expect(reasons.filter((r) => r === 'before-restore')).toHaveLength(2);
  });

  it('names a backup that does not exist, and usage mistakes exit 2', async () => {
    const missing = await cli(['backup', 'restore', '2020-01-01T00-00-00Z-open', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`copydesk backup: no backup 2020-01-01T00-00-00Z-open in ${join(db, 'backups')}\n`);
    // Usage mistakes are caught before any file is touched, so they run in-process.
    for (const args of [['backup'], ['backup', 'frobnicate'], ['backup', 'restore'], ['backup', 'list', 'extra']]) {
      const err: string[] = [];
      const code = await main([...args, '--db', db], { out: () => undefined, err: (t) => err.push(t) });
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('')).toMatch(/^copydesk backup: .*\nRun "copydesk backup --help" for usage\.$/);
    }
  });

  it('serve backs the desk up on open, and a restore is refused while it has the desk', async () => {
    const served = await tmp.make();
    expect((await cli(['import', 'seeds', '--db', served])).code).toBe(0);
    const server = await serveDesk(served);
    servers.push(server);
    let rows: Row[] = [];
    for (let i = 0; i < 100 && !rows.some((r) => r.reason === 'open'); i++) {
      rows = json<Row[]>((await cli(['backup', 'list', '--db', served, '--json'])).stdout);
      if (!rows.some((r) => r.reason === 'open')) await new Promise((r) => setTimeout(r, 100));
    }
    const open = rows.find((r) => r.reason === 'open');
    expect(open).toMatchObject({ articles: 2 });

    const refused = await cli(['backup', 'restore', open!.id, '--db', served]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`copydesk backup: desk is in use by process ${server.child.pid}\n`);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});

describe('recovery when a command opens a damaged desk', () => {
  it('restores the newest good backup, says so on stderr, and carries on', async () => {
    const damaged = await tmp.make();
    expect((await cli(['import', 'seeds', '--db', damaged])).code).toBe(0);
    const made = json<Row>((await cli(['backup', 'create', '--db', damaged, '--json'])).stdout);
    await writeFile(join(damaged, 'desk.json'), 'not json');
    await writeFile(join(damaged, 'desk.json.bak'), 'not json either');

    const listed = await cli(['list', '--db', damaged, '--json']);
    expect(listed.code).toBe(0);
    expect(json<unknown[]>(listed.stdout)).toHaveLength(2);
    expect(listed.stderr).toMatch(new RegExp(`^copydesk: restored from backup ${made.id} made ${made.createdAt.replace(/\./g, '\\.')}; changes after it are lost: .*desk\\.json is not valid JSON`));
  });
});

describe('copydesk backup dir', () => {
  it('shows the backup folder, and sets it (stored absolute)', async () => {
    const desk = await tmp.make();
    expect((await cli(['backup', 'dir', '--db', desk])).stdout).toBe(`${join(desk, 'backups')}\n`);
    const elsewhere = await tmp.make();
    const set = await cli(['backup', 'dir', elsewhere, '--db', desk, '--json']);
    expect(set.code).toBe(0);
    expect(json(set.stdout)).toEqual({ backupDir: elsewhere });
    const made = await cli(['backup', 'create', '--db', desk]);
    expect(made.code).toBe(0);
    expect((await cli(['backup', 'list', '--db', desk])).stdout).toContain(`1 backup in ${elsewhere}`);
  });
});
