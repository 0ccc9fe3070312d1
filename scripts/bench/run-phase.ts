import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Samples } from './figures.js';
import type { PhaseMessage, PhaseName, PhaseParams } from './phase-protocol.js';

const PHASE_ENTRY = fileURLToPath(new URL('./phase.ts', import.meta.url));
// `--import tsx` is resolved from the working directory, so the child always starts in the repository.
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Runs one phase in a fresh Node process (TypeScript through tsx) and resolves with its samples. */
export function runPhase(name: PhaseName, params: PhaseParams): Promise<Samples[]> {
  return new Promise((resolve, reject) => {
    const child = fork(PHASE_ENTRY, [name, JSON.stringify(params)], {
      cwd: REPO,
      execArgv: ['--import', 'tsx'],
      // The store reads NODE_ENV nowhere, but lowdb's presets do; the bench measures production behaviour.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: PhaseMessage | null = null;
    child.on('message', (m) => (answer = m as PhaseMessage));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer?.ok) resolve(answer.samples);
      else reject(new Error(`bench phase ${name} at ${params.size} failed (${code ?? signal}): ${answer?.ok === false ? answer.error : 'no answer'}`));
    });
  });
}
