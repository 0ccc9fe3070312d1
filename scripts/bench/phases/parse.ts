import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSeedBytes } from '../../../electron/core/parse/decode.js';
import { parseSeedText } from '../../../electron/core/parse/seed-text.js';
import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';

/** Parser throughput does not depend on the desk, so large corpora are sampled rather than read whole. */
const MAX_SAMPLE_BYTES = 48 * 1024 * 1024;
const SLICE_BYTES = 1024 * 1024;
const PASSES = 3;
const WARMUP_SLICES = 4;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The parser alone (decoded text in, articles out) against the least work any importer must do with the same
 * bytes: read them, decode UTF-8, split lines and hash them. Both run on the same 1 MB slices, interleaved, so a
 * busy machine slows both alike; each slice of each pass is one sample.
 */
export async function parsePhase({ corpusDir }: PhaseParams): Promise<Samples[]> {
  const slices = sliceFiles(corpusDir);
  // An unmeasured pass first: the figures are of the compiled code, not of V8 warming up (the import figure
  // includes that).
  for (const slice of slices.slice(0, WARMUP_SLICES)) for (const p of slice.paths) parseSeedText(utf8.decode(readFileSync(p)));
  const parse: number[] = [];
  const baseline: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const slice of slices) {
      const texts = slice.paths.map((p) => {
        const d = decodeSeedBytes(readFileSync(p));
        if (!d.ok) throw new Error(`${p}: ${d.reason}`);
        return d.text;
      });
      let t = performance.now();
      let lines = 0;
      for (const p of slice.paths) {
        const bytes = readFileSync(p);
        lines += utf8.decode(bytes).split(/\r\n|\r|\n/).length;
        createHash('sha256').update(bytes).digest('hex');
      }
      baseline.push(mbPerS(slice.bytes, performance.now() - t));
      t = performance.now();
      let articles = 0;
      for (const text of texts) articles += parseSeedText(text).articles.length;
      parse.push(mbPerS(slice.bytes, performance.now() - t));
      if (lines === 0 || articles === 0) throw new Error('the corpus slice held nothing to parse');
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    { metric: 'parse', unit: 'MB/s', values: parse, higherIsBetter: true },
    { metric: 'parse-baseline', unit: 'MB/s', values: baseline, higherIsBetter: true },
    { metric: 'parse-ratio', unit: 'ratio', values: [median(parse) / median(baseline)], higherIsBetter: true },
  ];
}

interface Slice {
  paths: string[];
  bytes: number;
}

function sliceFiles(dir: string): Slice[] {
  const slices: Slice[] = [];
  let current: Slice = { paths: [], bytes: 0 };
  let total = 0;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt') || total >= MAX_SAMPLE_BYTES) continue;
    const path = join(dir, name);
    const size = readFileSync(path).length;
    current.paths.push(path);
    current.bytes += size;
    total += size;
    if (current.bytes >= SLICE_BYTES) {
      slices.push(current);
      current = { paths: [], bytes: 0 };
    }
  }
  if (current.paths.length > 0) slices.push(current);
  return slices;
}

const mbPerS = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
