/**
 * `npm run bench -- --sizes 1000,10000,100000 [--json FILE] [--renderer] [--keep]`
 *
 * For each size: a deterministic corpus in a temporary folder, then each measurement in a fresh child process
 * (see phase.ts), then the browser measurement on the 100,000-article desk. Prints a table; with --json also
 * writes `[{size, metric, median, p95, unit}]`. See docs/PERFORMANCE.md for what each figure means.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeVariedCorpus } from '../../tests/support/seed-corpus.js';
import { parseBenchArgs } from './args.js';
import { type Figure, type Samples, pool, summarise } from './figures.js';
import type { PhaseName, PhaseParams } from './phase-protocol.js';
import { measureRenderer } from './renderer.js';
import { runPhase } from './run-phase.js';
import { formatTable } from './table.js';

/** The issue asks for the single-file comparison up to 10k; past that one edit takes seconds. */
const NAIVE_MAX = 10_000;
const COLD_OPENS = 3;
const RENDERER_SIZE = 100_000;

const args = parseBenchArgs(process.argv.slice(2));
const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);
const started = performance.now();
const figures: Figure[] = [];

for (const size of args.sizes) {
  const root = await mkdtemp(join(tmpdir(), `copydesk-bench-${size}-`));
  try {
    const params: PhaseParams = { size, corpusDir: join(root, 'corpus'), deskDir: join(root, 'desk'), workDir: join(root, 'work'), articles: 0, samples: args.samples };
    await mkdir(params.workDir, { recursive: true });
    let t = performance.now();
    const corpus = await writeVariedCorpus(params.corpusDir, { articles: size });
    params.articles = corpus.articles;
    log(`${size}: corpus of ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB (${(corpus.bytes / corpus.articles / 1000).toFixed(2)} KB an article) in ${sec(t)}`);

    const samples: Samples[] = [];
    const phase = async (name: PhaseName): Promise<void> => {
      t = performance.now();
      samples.push(...(await runPhase(name, params)));
      log(`${size}: ${name} done in ${sec(t)}`);
    };
    await phase('parse');
    await phase('import');
    for (let i = 0; i < COLD_OPENS; i++) await phase('open');
    await phase('work');
    if (size <= NAIVE_MAX) await phase('naive-edit');
    await phase('export');
    if (size === RENDERER_SIZE || (args.renderer && size === args.sizes.at(-1))) {
      t = performance.now();
      samples.push(...(await measureRenderer(params.deskDir)));
      log(`${size}: renderer done in ${sec(t)}`);
    }
    figures.push(...pool(samples).map((s) => summarise(size, s)));
  } finally {
    if (args.keep) log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

console.log(formatTable(figures));
log(`finished in ${sec(started)}`);
if (args.json) await writeFile(args.json, `${JSON.stringify(figures, null, 2)}\n`);

function sec(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
