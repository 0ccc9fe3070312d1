/**
 * Child-process entry of the benchmark: runs one phase and sends its samples to the parent. Kept apart from
 * bench.ts so that nothing the parent did (generating the corpus, other phases) weighs on the measurement.
 *
 *   node --import tsx scripts/bench/phase.ts <phase> '{"size":…,"corpusDir":…,"deskDir":…,"workDir":…,"articles":…}'
 */
import type { PhaseMessage, PhaseName, PhaseParams } from './phase-protocol.js';
import type { Samples } from './figures.js';
import { exportPhase } from './phases/export.js';
import { importPhase } from './phases/import.js';
import { naiveEditPhase } from './phases/naive-edit.js';
import { openPhase } from './phases/open.js';
import { parsePhase } from './phases/parse.js';
import { workPhase } from './phases/work.js';

const PHASES: Record<PhaseName, (p: PhaseParams) => Promise<Samples[]>> = {
  parse: parsePhase,
  import: importPhase,
  open: openPhase,
  work: workPhase,
  'naive-edit': naiveEditPhase,
  export: exportPhase,
};

const [name, json] = process.argv.slice(2);
let message: PhaseMessage;
try {
  const run = PHASES[name as PhaseName];
  if (!run) throw new Error(`unknown phase ${name}`);
  message = { ok: true, samples: await run(JSON.parse(json!) as PhaseParams) };
} catch (err) {
  message = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
// Run by hand (say under `node --cpu-prof --import tsx`), there is no parent: the answer goes to stdout.
if (process.send) process.send(message, () => process.disconnect());
else console.log(JSON.stringify(message));
