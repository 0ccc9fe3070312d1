import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/copydesk.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ServedDesk {
  child: ChildProcess;
  /** The URL line as printed, token included. */
  url: string;
  /** Where the API lives, e.g. http://127.0.0.1:4321 */
  origin: string;
  token: string;
  /** Resolves when the server process has gone, however it went. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the real `copydesk serve --port 0` on a desk (node bin/copydesk.js, no shell) and resolves once it
 * prints its URL line. Free of any test runner, so vitest and Playwright can both use it.
 */
export async function serveDesk(dir: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<ServedDesk> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', dir, '--port', '0'], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL in ${timeoutMs} ms: ${out}${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Copydesk is serving (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before printing its URL: ${err}`));
    });
  });
  return { child, url, origin: new URL(url).origin, token: url.split('#token=')[1]!, exited };
}
