/**
 * `npm start`: build if anything changed, then run the desk in Electron on the default desk. Where Electron
 * cannot start, say why in one line and serve the same desk in browser mode instead.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveDesk } from '../electron/cli/commands/serve.js';
import { processIo } from '../electron/cli/io.js';
import { electronAvailability } from './electron-availability.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const built = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
const buildCode = await new Promise<number | null>((resolve) => built.on('exit', resolve));
if (buildCode !== 0) process.exit(buildCode ?? 1);

const electron = electronAvailability();
if (electron.ok) {
  const app = spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => app.on('exit', resolve));
  process.exit(code ?? 0);
}

console.log(`Electron cannot start: ${electron.reason}. Serving the desk in browser mode instead.`);
await serveDesk(processIo, { db: undefined, port: 0, open: true, seedFirstRun: true });
