import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeRootJson } from '../../support/store-files.js';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupDir } from '../../../electron/core/backup/backup-location.js';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { runDoctor } from '../../../electron/core/doctor/run-doctor.js';
import { DeskError } from '../../../electron/core/result.js';
import { MetaDocSchema, bodyPath, metaPath, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { loadSettings, updateSettings } from '../../../electron/core/store/settings.js';
import { openDesks } from '../../support/open-desks.js';
import { GARBAGE, addArticles, readRoot } from './fixtures.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-doctor-');
afterEach(cleanup);

/** A closed desk of 4 articles in 2 chunks, two commits deep, with a backup. */
async function healthyDesk(): Promise<{ dir: string; backupId: string }> {
  const dir = await tmp.make();
  const desk = await open(dir, { chunkSize: 2 });
  await addArticles(desk, 2);
  await addArticles(desk, 2);
  await updateSettings(dir, { editorName: 'Ana' });
  const { id } = await createBackup(dir, { reason: 'manual' });
  await close(desk);
  return { dir, backupId: id };
}

/** Opening the desk afterwards needs no repair of its own. */
async function opensCleanly(dir: string): Promise<void> {
  const desk = await open(dir, { chunkSize: 2 });
  expect(desk.notices).toEqual([]);
  expect(desk.size).toBe(4);
  await close(desk);
}

describe('runDoctor on a healthy desk', () => {
  it('reports nothing and counts every file it checked', async () => {
    const { dir } = await healthyDesk();
    const report = await runDoctor(dir);
    // desk.json, .bak, 2 chunks × 2 files, settings.json; the backup: manifest + desk.json + 4 docs + settings.
    expect(report).toEqual({ ok: true, problems: [], checked: 7 + 7 });
    expect(await readdir(dir)).not.toContain('desk.lock');
  });
});

describe('runDoctor fixes what it safely can', () => {
  it('rebuilds a damaged meta file from its body, keeping the damaged copy', async () => {
    const { dir } = await healthyDesk();
    const ref = (await readRoot(dir)).chunks[1]!;
    const good = await readFile(metaPath(dir, ref), 'utf8');
    await writeFile(metaPath(dir, ref), GARBAGE);
    const report = await runDoctor(dir);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      { file: join('docs', `c1.r${ref.rev}.meta.json`), problem: expect.stringMatching(/^is 8 bytes; desk\.json says \d+$/), fixed: true, action: 'rebuilt it from its article file; nothing lost' },
    ]);
    expect(JSON.parse(await readFile(metaPath(dir, ref), 'utf8'))).toEqual(JSON.parse(good));
    expect((await readdir(join(dir, 'docs'))).filter((n) => n.includes('.corrupt-'))).toHaveLength(1);
    await opensCleanly(dir);
    // The kept copy is mentioned on the next run, as fixed, and left in place.
    const again = await runDoctor(dir);
    expect(again.ok).toBe(true);
    expect(again.problems).toEqual([expect.objectContaining({ problem: expect.stringMatching(/^is a damaged copy/), fixed: true })]);
  });

  it('rebuilds a meta file that validates but no longer matches its articles, and one that is missing', async () => {
    const { dir } = await healthyDesk();
    const [a, b] = (await readRoot(dir)).chunks;
    const meta = MetaDocSchema.parse(JSON.parse(await readFile(metaPath(dir, a!), 'utf8')));
    meta.entries[0]!.headline = 'A headline the article does not have';
    await writeFile(metaPath(dir, a!), JSON.stringify(meta));
    await rm(metaPath(dir, b!));
    const report = await runDoctor(dir);
    expect(report.ok).toBe(true);
    expect(report.problems.map((p) => [p.file, p.problem, p.fixed])).toEqual([
      // Its checksum in desk.json catches the edit before its content is compared with the articles.
      [join('docs', `c0.r${a!.rev}.meta.json`), expect.stringMatching(/^is \d+ bytes; desk\.json says \d+$/), true],
      [join('docs', `c1.r${b!.rev}.meta.json`), 'is missing', true],
    ]);
    const desk = await open(dir, { chunkSize: 2 });
    expect(desk.list()[0]!.headline).toBe('Headline number 0');
    await close(desk);
  });

  it('removes files nothing refers to and leftovers of interrupted writes', async () => {
    const { dir } = await healthyDesk();
    await writeFile(join(dir, 'docs', 'c7.r3.body.json'), '{}');
    await writeFile(join(dir, 'docs', 'c0.r9.meta.json.1234.abcd.tmp'), '{');
    await writeFile(join(dir, 'desk.json.99.beef.tmp'), '{');
    const report = await runDoctor(dir);
    expect(report.ok).toBe(true);
    expect(report.problems.map((p) => [p.file, p.fixed, p.action]).sort()).toEqual([
      ['desk.json.99.beef.tmp', true, 'removed it'],
      [join('docs', 'c0.r9.meta.json.1234.abcd.tmp'), true, 'removed it'],
      [join('docs', 'c7.r3.body.json'), true, 'removed it'],
    ]);
    expect(await readdir(join(dir, 'docs'))).not.toContain('c7.r3.body.json');
    await opensCleanly(dir);
  });

  it('clears a lock left by a process that is gone', async () => {
    const { dir } = await healthyDesk();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(join(dir, 'desk.lock'), JSON.stringify({ pid: gone.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const report = await runDoctor(dir);
    expect(report).toMatchObject({ ok: true, problems: [{ file: 'desk.lock', problem: `was left by process ${gone.pid}, which is no longer running`, fixed: true, action: 'cleared it' }] });
    expect(await readdir(dir)).not.toContain('desk.lock');
  });

  it('replaces a damaged desk.json from desk.json.bak, and a damaged .bak from desk.json', async () => {
    const { dir } = await healthyDesk();
    const bak = await readFile(rootBackupPath(dir), 'utf8');
    await writeFile(rootPath(dir), GARBAGE);
    let report = await runDoctor(dir);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      { file: 'desk.json', problem: expect.stringMatching(/^is not valid JSON/), fixed: true, action: 'replaced it with desk.json.bak (generation 1); the last change before the damage may be missing' },
      // The desk is back at generation 1, before the second chunk existed: its files are now unreferenced.
      { file: join('docs', 'c1.r1.body.json'), problem: 'is not used by the desk (a superseded or interrupted write)', fixed: true, action: 'removed it' },
      { file: join('docs', 'c1.r1.meta.json'), problem: 'is not used by the desk (a superseded or interrupted write)', fixed: true, action: 'removed it' },
    ]);
    expect(await readFile(rootPath(dir), 'utf8')).toBe(bak);

    await writeFile(rootBackupPath(dir), '{"format":"copydesk-desk","schemaVersion":1}');
    report = await runDoctor(dir);
    expect(report.problems.filter((p) => !p.problem.startsWith('is a damaged copy'))).toEqual([
      { file: 'desk.json.bak', problem: expect.stringMatching(/^does not match the desk format at createdAt/), fixed: true, action: 'moved it aside and replaced it with a copy of desk.json' },
    ]);
    expect(await readFile(rootBackupPath(dir), 'utf8')).toBe(await readFile(rootPath(dir), 'utf8'));
  });

  it('puts back settings.json from the newest backup that has a good one', async () => {
    const { dir, backupId } = await healthyDesk();
    await writeFile(join(dir, 'settings.json'), '{"editorName": 7}');
    const report = await runDoctor(dir);
    expect(report.problems).toEqual([
      { file: 'settings.json', problem: expect.stringMatching(/^does not match the desk format at editorName/), fixed: true, action: `moved it aside and put back the settings from backup ${backupId}` },
    ]);
    expect((await loadSettings(dir)).editorName).toBe('Ana');
  });

  it('corrects a chunk count in desk.json that disagrees with the files', async () => {
    const { dir } = await healthyDesk();
    const root = JSON.parse(await readFile(rootPath(dir), 'utf8'));
    root.chunks[0].count = 5;
    await writeRootJson(rootPath(dir), root);
    const report = await runDoctor(dir);
    expect(report.problems).toEqual([{ file: 'desk.json', problem: 'says chunk 0 holds 5 articles; its files hold 2', fixed: true, action: 'corrected the count' }]);
    expect((await readRoot(dir)).chunks[0]!.count).toBe(2);
  });

  it('removes the leftover of an interrupted backup', async () => {
    const { dir } = await healthyDesk();
    await mkdir(join(defaultBackupDir(dir), '2026-01-01T00-00-00Z-open.tmp', 'docs'), { recursive: true });
    const report = await runDoctor(dir);
    expect(report).toMatchObject({ ok: true, problems: [{ file: join('backups', '2026-01-01T00-00-00Z-open.tmp'), fixed: true, action: 'removed it' }] });
    expect(await readdir(defaultBackupDir(dir))).toHaveLength(1);
  });
});

describe('runDoctor reports what it cannot fix', () => {
  it('a damaged article file: restore the newest good backup', async () => {
    const { dir, backupId } = await healthyDesk();
    const ref = (await readRoot(dir)).chunks[0]!;
    await writeFile(bodyPath(dir, ref), GARBAGE);
    const report = await runDoctor(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { file: join('docs', `c0.r${ref.rev}.body.json`), problem: expect.stringMatching(/^is 8 bytes; desk\.json says \d+$/), fixed: false, action: `restore a backup: copydesk backup restore ${backupId}` },
    ]);
    // Nothing was moved or rewritten.
    expect(await readFile(bodyPath(dir, ref))).toEqual(GARBAGE);
    expect((await runDoctor(dir, { dbFlag: dir })).problems[0]!.action).toBe(`restore a backup: copydesk backup restore ${backupId} --db ${dir}`);
  });

  it('both roots damaged, and a backup that fails its checksums is passed over in the advice', async () => {
    const { dir, backupId } = await healthyDesk();
    const desk = await open(dir, { chunkSize: 2 });
    const newer = await createBackup(dir, { reason: 'manual', now: () => new Date(Date.now() + 60_000) });
    await close(desk);
    await writeFile(join(defaultBackupDir(dir), newer.id, 'desk.json'), '{}');
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), GARBAGE);
    const report = await runDoctor(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { file: 'desk.json', problem: expect.stringMatching(/^is not valid JSON .*, and desk.json.bak is damaged too \(is not valid JSON/), fixed: false, action: `restore a backup: copydesk backup restore ${backupId}` },
      { file: join('backups', newer.id), problem: 'desk.json does not match its checksum', fixed: false, action: 'delete it: it cannot be restored' },
    ]);
  });

  it('with no good backup, says so', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    await close(desk);
    await writeFile(bodyPath(dir, (await readRoot(dir)).chunks[0]!), GARBAGE);
    const report = await runDoctor(dir);
    expect(report.problems[0]!.action).toBe('no good backup to restore from: keep a copy of the desk folder before changing anything');
  });
});

describe('runDoctor refuses', () => {
  it('while another process owns the desk', async () => {
    const { dir } = await healthyDesk();
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, 'desk.lock'), JSON.stringify({ pid: owner.pid, host: hostname(), since: new Date().toISOString() }));
      const err = await runDoctor(dir).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(DeskError);
      expect((err as DeskError).message).toBe(`desk is in use by process ${owner.pid}`);
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('while this process has the desk open, and where there is no desk', async () => {
    const { dir } = await healthyDesk();
    const desk = await open(dir, { chunkSize: 2 });
    await expect(runDoctor(dir)).rejects.toThrow('desk is open in this process; close it before running doctor');
    await close(desk);
    const empty = await tmp.make();
    await expect(runDoctor(empty)).rejects.toThrow(`no desk at ${empty}`);
  });
});
