import { appendFile, cp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { journalPath } from '../../../electron/core/store/journal.js';
import { RootSchema, docsDir, rootPath } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { makeRecord, withParagraph } from '../../support/records.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-journal-');
afterEach(cleanup);

const readRoot = async (dir: string) => RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8')));

/** Twelve articles in three chunks of four, committed (copy-on-write) and checkpointed. */
async function deskOf12(dir: string): Promise<{ desk: Desk; recs: ArticleRecord[] }> {
  const desk = await open(dir, { chunkSize: 4 });
  const recs = Array.from({ length: 12 }, () => makeRecord(desk.reserveSeq()));
  await desk.commit(recs);
  return { desk, recs };
}

/**
 * The desk's files as a SIGKILL would leave them: copied while the desk is open, after its commits resolved
 * (every journal append is synced before that), without the lock, which only a live process holds.
 */
async function crashCopy(dir: string): Promise<string> {
  const copy = await tmp.make();
  await cp(dir, copy, { recursive: true, filter: (src) => !src.endsWith('desk.lock') });
  return copy;
}

describe('the write-ahead journal', () => {
  it('takes an edit with one append: no chunk file or root is written, and reads see the edit at once', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const before = { root: await readFile(rootPath(dir), 'utf8'), docs: (await readdir(docsDir(dir))).sort() };
    const edited = withParagraph(recs[5]!, 'A journalled paragraph.');
    await desk.commit([edited]);

    expect(await readFile(rootPath(dir), 'utf8')).toBe(before.root);
    expect((await readdir(docsDir(dir))).sort()).toEqual(before.docs);
    const root = await readRoot(dir);
    expect((await stat(journalPath(dir, root.journal!))).size).toBeGreaterThan(0);
    expect(await desk.get(recs[5]!.id)).toEqual(edited);
    expect(desk.summary(recs[5]!.id)?.corrected).toBe(desk.list().find((s) => s.id === recs[5]!.id)?.corrected);
  });

  it('is replayed after a crash, and the desk checkpoints it at once', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const edits = [withParagraph(recs[1]!, 'First.'), withParagraph(recs[9]!, 'Second.'), withParagraph(withParagraph(recs[1]!, 'First.'), 'Third.')];
    for (const e of edits) await desk.commit([e]);
    const crashed = await crashCopy(dir);
    const generation = (await readRoot(crashed)).generation;

    const again = await open(crashed, { chunkSize: 4 });
    expect(again.notices).toEqual([]);
    expect(await again.get(recs[1]!.id)).toEqual(edits[2]);
    expect(await again.get(recs[9]!.id)).toEqual(edits[1]);
    expect(await again.get(recs[0]!.id)).toEqual(recs[0]);
    // Checkpointed at open: the chunk files hold the edits, under a new root with a new journal.
    const root = await readRoot(crashed);
    expect(root.generation).toBe(generation + 1);
    await close(again);
    const third = await open(crashed, { chunkSize: 4 });
    expect(await third.get(recs[1]!.id)).toEqual(edits[2]);
  });

  it('ignores a torn last line (an append the crash cut short was never acknowledged)', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const edited = withParagraph(recs[2]!, 'Acknowledged.');
    await desk.commit([edited]);
    const crashed = await crashCopy(dir);
    await appendFile(journalPath(crashed, (await readRoot(crashed)).journal!), '0123456789abcdef0123456789abcdef {"n":1,"records":[{"id"');

    const again = await open(crashed, { chunkSize: 4 });
    expect(again.notices).toEqual([]);
    expect(await again.get(recs[2]!.id)).toEqual(edited);
  });

  it('stops at a damaged entry, says how many changes were lost, and keeps the journal aside', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const first = withParagraph(recs[2]!, 'Kept.');
    await desk.commit([first]);
    await desk.commit([withParagraph(recs[3]!, 'Lost with the damage.')]);
    await desk.commit([withParagraph(recs[4]!, 'Lost after it.')]);
    const crashed = await crashCopy(dir);
    const path = journalPath(crashed, (await readRoot(crashed)).journal!);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('Lost with', 'Lust with');
    await rm(path);
    await appendFile(path, lines.join('\n'));

    const again = await open(crashed, { chunkSize: 4 });
    expect(again.notices).toEqual([{ code: 'recovered', message: expect.stringMatching(/is damaged at entry 2: it and the 1 after it could not be read; opened the desk with the 1 changes before it$/) }]);
    expect(await again.get(recs[2]!.id)).toEqual(first);
    expect(await again.get(recs[3]!.id)).toEqual(recs[3]);
    expect((await readdir(crashed)).some((n) => n.startsWith(`${path.split('/').pop()}.corrupt-`))).toBe(true);
  });

  it('closing writes the journalled changes into the chunk files', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const generation = (await readRoot(dir)).generation;
    const edited = withParagraph(recs[7]!, 'Flushed on close.');
    await desk.commit([edited]);
    await close(desk);
    expect((await readRoot(dir)).generation).toBe(generation + 1);
    const again = await open(dir, { chunkSize: 4 });
    expect(await again.get(recs[7]!.id)).toEqual(edited);
  });

  it('a backup made while the desk is open holds the journalled changes', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const edited = withParagraph(recs[11]!, 'In the backup.');
    await desk.commit([edited]);
    const backup = await createBackup(dir, { reason: 'manual', rotate: false });
    const copy = await tmp.make();
    await cp(join(dir, 'backups', backup.id), copy, { recursive: true });
    const fromBackup = await open(copy, { chunkSize: 4 });
    expect(await fromBackup.get(recs[11]!.id)).toEqual(edited);
  });

  it('new articles take the copy-on-write path and carry the journalled changes with them', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const edited = withParagraph(recs[0]!, 'Journalled first.');
    await desk.commit([edited]);
    const generation = (await readRoot(dir)).generation;
    const added = makeRecord(desk.reserveSeq());
    await desk.commit([added]);
    const root = await readRoot(dir);
    expect(root.generation).toBe(generation + 1);
    const crashed = await crashCopy(dir);
    const again = await open(crashed, { chunkSize: 4 });
    expect(again.size).toBe(13);
    expect(await again.get(recs[0]!.id)).toEqual(edited);
    expect(await again.get(added.id)).toEqual(added);
  });

  it('a journal left by another root is never replayed over this one', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    await desk.commit([withParagraph(recs[6]!, 'Belongs to the old root.')]);
    const crashed = await crashCopy(dir);
    const root = await readRoot(crashed);
    const stale = await readFile(journalPath(crashed, root.journal!));
    // The same journal, under the name another root's journal would have.
    await appendFile(journalPath(crashed, 'feedfacefeedface'), stale);
    await rm(journalPath(crashed, root.journal!));
    const again = await open(crashed, { chunkSize: 4 });
    expect(await again.get(recs[6]!.id)).toEqual(recs[6]);
    expect(await readdir(crashed)).not.toContain('journal.feedfacefeedface.log');
  });
});

describe('the journal and backups', () => {
  it('restoring a backup does not replay changes journalled after it', async () => {
    const { restoreBackup } = await import('../../../electron/core/backup/restore-backup.js');
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const backup = await createBackup(dir, { reason: 'manual', rotate: false });
    await desk.commit([withParagraph(recs[3]!, 'After the backup.')]);
    // Killed before it could checkpoint: the journal of the very root the backup holds is left in the desk.
    const crashed = await crashCopy(dir);
    await close(desk);
    await restoreBackup(crashed, backup.id, { backupDir: join(dir, 'backups') });
    const restored = await open(crashed, { chunkSize: 4 });
    expect(await restored.get(recs[3]!.id)).toEqual(recs[3]);
  });
});

describe('the journal and doctor', () => {
  it('leaves a journal the root names for the desk to replay, and removes one no root names', async () => {
    const { runDoctor } = await import('../../../electron/core/doctor/run-doctor.js');
    const dir = await tmp.make();
    const { desk, recs } = await deskOf12(dir);
    const edited = withParagraph(recs[8]!, 'Waiting in the journal.');
    await desk.commit([edited]);
    const crashed = await crashCopy(dir);
    await appendFile(journalPath(crashed, '0123456789abcdef'), 'stale');
    const report = await runDoctor(crashed);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'journal.0123456789abcdef.log', problem: 'is the journal of a superseded desk.json', fixed: true })]);
    const again = await open(crashed, { chunkSize: 4 });
    expect(await again.get(recs[8]!.id)).toEqual(edited);
  });
});
