import { spawn } from 'node:child_process';
import { readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/core/result.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { runCliToEnd } from '../../support/cli-process.js';
import { makeRecord } from '../../support/records.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, opened, cleanup } = openDesks('copydesk-lock-');
afterEach(cleanup);
/** The pid of a process that has certainly exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('close', r));
  return child.pid!;
}

const lockOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'desk.lock'), 'utf8')) as { pid: number; host: string; since: string };

describe('one owner per desk', () => {
  it('writes the owner into desk.lock and removes it on close', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const lock = await lockOf(dir);
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Number.isNaN(Date.parse(lock.since))).toBe(false);
    expect((await readdir(dir)).filter((n) => n.startsWith('desk.lock'))).toEqual(['desk.lock']);
    await desk.close();
    opened.length = 0;
    expect(await readdir(dir)).not.toContain('desk.lock');
  });

  it('refuses a second process with the owner pid, exit code 1 and no stack trace', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await desk.commit([makeRecord(desk.reserveSeq())]);
    for (const args of [['list', '--db', dir], ['import', 'seeds', '--db', dir, '--json']]) {
      const run = await runCliToEnd(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`copydesk ${args[0]}: desk is in use by process ${process.pid}\n`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // The refused process changed nothing: our lock and our desk are intact.
    expect((await lockOf(dir)).pid).toBe(process.pid);
    expect(desk.size).toBe(1);
    await desk.close();
    opened.length = 0;
    const after = await runCliToEnd(['list', '--db', dir, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toHaveLength(1);
  }, 60_000);

  it('refuses a second open in the same process, however the folder is spelt', async () => {
    const parent = await tmp.make();
    const dir = join(parent, 'desk');
    await open(dir);
    await symlink(dir, join(parent, 'alias'));
    for (const spelling of [dir, `${dir}/`, join(parent, '.', 'desk', '..', 'desk'), join(parent, 'alias')]) {
      const err = await Desk.open(spelling).then((d) => (opened.push(d), null), (e: unknown) => e);
      expect(err, spelling).toBeInstanceOf(DeskError);
      expect(err).toMatchObject({ code: 'DESK_LOCKED', message: `desk is in use by process ${process.pid}` });
    }
    expect((await lockOf(dir)).pid).toBe(process.pid);
  });

  it('refuses a live owner on another machine (it cannot be probed)', async () => {
    const dir = await tmp.make();
    await writeFile(join(dir, 'desk.lock'), JSON.stringify({ pid: 4242, host: 'newsroom-server-7', since: new Date().toISOString() }));
    const err = await Desk.open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DESK_LOCKED', message: 'desk is in use by process 4242' });
    expect(await lockOf(dir)).toMatchObject({ pid: 4242, host: 'newsroom-server-7' });
  });

  it('takes over a stale lock whose process is dead', async () => {
    const dir = await tmp.make();
    const pid = await deadPid();
    await writeFile(join(dir, 'desk.lock'), JSON.stringify({ pid, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    const desk = await open(dir);
    expect(desk.notices.map((n) => n.code)).toEqual(['created']);
    expect((await lockOf(dir)).pid).toBe(process.pid);
    expect((await readdir(dir)).filter((n) => n.startsWith('desk.lock'))).toEqual(['desk.lock']);
  });

  it('treats an unreadable lock as being written while young and as stale once old', async () => {
    const dir = await tmp.make();
    const lock = join(dir, 'desk.lock');
    await writeFile(lock, '');
    const err = await Desk.open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DESK_LOCKED', message: 'desk is being opened by another process' });

    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await open(dir);
    expect((await lockOf(dir)).pid).toBe(process.pid);
  });
});
