import { parseArgs } from 'node:util';

export interface BenchArgs {
  sizes: number[];
  json: string | null;
  /** Run the browser measurement on the largest size even when it is under 100,000. */
  renderer: boolean;
  /** Keep the temporary corpus and desks (their folder is printed) instead of removing them. */
  keep: boolean;
  /** Edits and searches timed per size (the figures are over 200; the CI smoke run asks for fewer). */
  samples: number;
}

export const USAGE = `Usage: npm run bench -- [--sizes 1000,10000,100000] [--json FILE] [--renderer] [--keep] [--samples 200]

Generates a synthetic corpus of each size, imports it into a fresh desk and measures parse, import, open, edit,
naive-edit, search, export and rss, each size in fresh child processes. The browser measurement runs on a
100,000-article desk, or on the largest size with --renderer.`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      json: { type: 'string' },
      renderer: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      samples: { type: 'string', default: '200' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1);
  if (bad !== undefined) throw new Error(`--sizes takes positive whole numbers, comma-separated (got "${values.sizes}")`);
  const samples = Number(values.samples);
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`--samples takes a whole number of 2 or more (got "${values.samples}")`);
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), json: values.json ?? null, renderer: values.renderer, keep: values.keep, samples };
}
