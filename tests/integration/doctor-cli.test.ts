import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliToEnd as cli } from '../support/cli-process.js';
import { type ServedDesk, serveDesk } from '../support/serve-desk.js';
import { tempDirs } from '../support/temp-dir.js';

const tmp = tempDirs('copydesk-doctor-cli-');
const servers: ServedDesk[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await tmp.cleanup();
});

type Report = { ok: boolean; problems: { file: string; problem: string; fixed: boolean; action: string }[]; checked: number };
const liveChunk = async (db: string, kind: 'meta' | 'body'): Promise<string> => {
  const root = JSON.parse(await readFile(join(db, 'desk.json'), 'utf8')) as { chunks: { id: number; rev: number }[] };
  const c = root.chunks[0]!;
  return join('docs', `c${c.id}.r${c.rev}.${kind}.json`);
};

let db: string;
let backupId: string;
beforeAll(async () => {
  db = await tmp.make();
  expect((await cli(['import', 'seeds', '--db', db])).code).toBe(0);
  backupId = (await cli(['backup', 'create', '--db', db])).stdout.trim();
});

describe('copydesk doctor', () => {
  it('on a healthy desk: {ok: true, problems: [], checked}, exit 0', async () => {
    const r = await cli(['doctor', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report).sort()).toEqual(['checked', 'ok', 'problems']);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    // desk.json, .bak, one chunk's two files; the backup's manifest, desk.json and two chunk files.
    expect(report.checked).toBe(8);

    const text = await cli(['doctor', '--db', db]);
    expect(text.stdout).toBe('8 files checked: the desk is healthy\n');
  });

  it('fixes a damaged summary file and exits 0', async () => {
    const meta = await liveChunk(db, 'meta');
    await writeFile(join(db, meta), '{"chunk": 0, "rev": ');
    const r = await cli(['doctor', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([{ file: meta, problem: expect.stringMatching(/^is \d+ bytes; desk\.json says \d+$/), fixed: true, action: 'rebuilt it from its article file; nothing lost' }]);
    for (const p of report.problems) expect(Object.keys(p).sort()).toEqual(['action', 'file', 'fixed', 'problem']);
    expect((await cli(['list', '--db', db])).stderr).toBe('');
  });

  it('reports a damaged article file with the restore to run, and exits 1', async () => {
    const body = await liveChunk(db, 'body');
    await writeFile(join(db, body), 'garbage');
    const r = await cli(['doctor', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM  ${body}: is 7 bytes; desk.json says `);
    expect(r.stdout).toContain(`→ restore a backup: copydesk backup restore ${backupId} --db ${db}\n`);
    expect(r.stdout).toMatch(/files checked: 1 problem needs you \(\d+ fixed\)\n$/);

    // Following the advice makes the desk healthy again (the damaged copies are kept and mentioned).
    expect((await cli(['backup', 'restore', backupId, '--db', db])).code).toBe(0);
    const after = JSON.parse((await cli(['doctor', '--db', db, '--json'])).stdout) as Report;
    expect(after.ok).toBe(true);
    expect(after.problems.every((p) => p.fixed)).toBe(true);
  });

  it('does not run while serve has the desk', async () => {
    const server = await serveDesk(db);
    servers.push(server);
    const r = await cli(['doctor', '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`copydesk doctor: desk is in use by process ${server.child.pid}\n`);
    server.child.kill('SIGTERM');
    await server.exited;
    expect(await readdir(db)).not.toContain('desk.lock');
  });
});
