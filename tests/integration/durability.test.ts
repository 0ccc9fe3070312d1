import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServedDesk, serveDesk } from '../support/serve-desk.js';
import { tempDirs } from '../support/temp-dir.js';
import { runCli } from './run-cli.js';

const tmp = tempDirs('copydesk-durability-');
const servers: ServedDesk[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await tmp.cleanup();
});

describe('a correction answered 200 is on disk', () => {
  it('survives SIGKILL of the server the moment the answer arrives, and the CLI takes the stale lock over', async () => {
    const db = await tmp.make();
    const env = { COPYDESK_EDITOR: 'Night Editor' };
    const imported = await runCli(['import', 'seeds', '--db', db, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const [first] = JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout) as { id: string }[];
    const original = JSON.parse((await runCli(['show', first!.id, '--db', db, '--json'])).stdout);
    const text = 'Paragraph three, corrected before the crash.';
    expect(original.paragraphs[2]).not.toBe(text);

    const server = await serveDesk(db, env);
    servers.push(server);
    const lock = JSON.parse(await readFile(join(db, 'desk.lock'), 'utf8'));
    expect(lock.pid).toBe(server.child.pid);

    const res = await fetch(`${server.origin}/api/correctField`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: first!.id, field: 'paragraph:3', text, reason: 'crash test' }),
    });
    // No grace period: the server dies as soon as the status line is in.
    server.child.kill('SIGKILL');
    expect(res.status).toBe(200);
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The killed process never gave the lock back.
    expect(existsSync(join(db, 'desk.lock'))).toBe(true);

    const shown = await runCli(['show', first!.id.slice(0, 8), '--db', db, '--json']);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    const a = JSON.parse(shown.stdout);
    expect(a.paragraphs).toEqual([...original.paragraphs.slice(0, 2), text, ...original.paragraphs.slice(3)]);
    expect(a.original.paragraphs).toEqual(original.paragraphs);

    const history = JSON.parse((await runCli(['history', first!.id, '--db', db, '--json'])).stdout);
    expect(history).toEqual([
      { id: 'r1', field: 'paragraph:3', before: original.paragraphs[2], after: text, reason: 'crash test', editor: 'Night Editor', at: expect.any(String) },
    ]);
    // The CLI released the lock it took over.
    expect(existsSync(join(db, 'desk.lock'))).toBe(false);
  });
});
