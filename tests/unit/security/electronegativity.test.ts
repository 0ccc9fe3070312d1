import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Electronegativity over the Electron sources and the built output. Its CLI always exits 0, so its run() is
 * called and the findings are judged here: nothing of medium severity or above may remain, except checks a
 * source line disables inline with a "Reviewed for electronegativity:" justification on the line above. The
 * bundle loses those comments, so in dist/ a reviewed check may appear at most as often as it was reviewed.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js') as (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ issues: Finding[]; errors: unknown[] }>;

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  severity: { value: number; name: string };
}

const MEDIUM = 2; // electronegativity's severity scale: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3
const scan = async (input: string) =>
  run({ input, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative', parserPlugins: [], electronVersionOverride: '45.5.0' }, false);
const serious = (issues: Finding[]): Finding[] => issues.filter((i) => i.severity.value >= MEDIUM);
const describeFinding = (i: Finding): string => `${i.id} (${i.severity.name}) ${i.file}:${i.location.line}`;

function reviewedDisables(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const lines = readFileSync(p, 'utf8').split('\n');
        lines.forEach((line, n) => {
          const m = /eng-disable\s+([A-Z_]+)/.exec(line);
          if (!m) return;
          expect(lines[n - 1], `${p}:${n + 1} disables ${m[1]} without a justification`).toMatch(/Reviewed for electronegativity: \S/);
          counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
        });
      }
    }
  };
  walk(dir);
  return counts;
}

describe('electronegativity', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/electron/main.js'))) throw new Error('dist/ is not built: run npm run build first');
  });

  it('finds nothing of medium severity or above in electron/', async () => {
    const result = await scan(join(root, 'electron'));
    expect(result.errors).toEqual([]);
    expect(serious(result.issues).map(describeFinding)).toEqual([]);
  }, 120_000);

  it('finds nothing unreviewed in the built output', async () => {
    const reviewed = reviewedDisables(join(root, 'electron'));
    const result = await scan(join(root, 'dist'));
    expect(result.errors).toEqual([]);
    const seen = new Map<string, number>();
    const unreviewed = serious(result.issues).filter((i) => {
      seen.set(i.id, (seen.get(i.id) ?? 0) + 1);
      return seen.get(i.id)! > (reviewed.get(i.id) ?? 0);
    });
    expect(unreviewed.map(describeFinding)).toEqual([]);
  }, 120_000);
});
