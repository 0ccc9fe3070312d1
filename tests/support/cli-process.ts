import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/copydesk.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<CliExit>;
}

/** Starts the real `copydesk` binary (node bin/copydesk.js, no shell, no npx) so its pid is the desk's owner. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<CliExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 }));
  });
  if (child.pid === undefined) throw new Error(`could not start ${BIN}`);
  return { child, pid: child.pid, exited };
}

export const runCliToEnd = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliExit> => startCli(args, env).exited;
