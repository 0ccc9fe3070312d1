import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Article text reaches the screen only as React text, which the DOM never parses as markup. That holds as long as
 * no code hands a string to an HTML parser or to the script compiler, so this looks for every such sink in the
 * renderer and the Electron code. The e2e suite (tests/e2e/untrusted-text.spec.ts) proves the result on screen;
 * this stops the sink from being written in the first place. An export that must build HTML does it in the core
 * with escaping, and is tested there.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment\s*\(/],
  ['DOMParser', /new\s+DOMParser\s*\(/],
  ['srcdoc', /srcdoc/i],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('HTML and script sinks', () => {
  const files = [...sources(join(ROOT, 'renderer')), ...sources(join(ROOT, 'electron'))];

  it('finds the sources it is meant to check', () => {
    expect(files.some((f) => f.endsWith('ListRow.tsx'))).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(SINKS)('none in renderer/ or electron/: %s', (_name, pattern) => {
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
