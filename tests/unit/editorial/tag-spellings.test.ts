import { describe, expect, it } from 'vitest';
import { TagSpellings } from '../../../electron/core/editorial/tag-spellings.js';
import { deskSpelling } from '../../../electron/core/editorial/tags.js';
import type { ArticleSummary } from '../../../electron/core/model.js';
import { makeRng } from '../../support/seed-corpus.js';
import { TAGS, generatedDesk, nextState } from '../query/generated-desk.js';

const ASKED = [...TAGS, 'rare', 'rare 2', 'ÀSIA', 'new tag', 'X', 'Fact Check'];

describe('TagSpellings', () => {
  it('gives the spelling a scan of every tag on the desk gives, through edits, imports and old states', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rng = makeRng(500 + seed);
      let counter = 0;
      const spellings = new TagSpellings();
      const states: ArticleSummary[][] = [generatedDesk(rng, rng.pick([0, 5, 80]))];
      for (let step = 0; step < 150; step++) {
        // Mostly the newest state, as the desk hands it out; sometimes an older one, or a fresh copy (an import).
        const r = rng.next();
        const list = r < 0.8 ? states.at(-1)! : r < 0.9 ? rng.pick(states) : [...states.at(-1)!];
        for (const tag of ASKED) expect(spellings.spelling(list, tag)).toBe(deskSpelling(tag, list.flatMap((s) => s.tags)));
        states.push(nextState(rng, states.at(-1)!, () => counter++));
      }
    }
  });

  it('follows the first holder when it drops the tag', () => {
    const a = generatedDesk(makeRng(1), 3).map((s, i) => ({ ...s, tags: [['Asia'], ['ASIA'], ['asia']][i]! }));
    const spellings = new TagSpellings();
    expect(spellings.spelling(a, 'asia')).toBe('Asia');
    const b = [{ ...a[0]!, tags: [] }, a[1]!, a[2]!];
    expect(spellings.spelling(b, 'asia')).toBe('ASIA');
    const c = [b[0]!, { ...a[1]!, tags: [] }, { ...a[2]!, tags: [] }];
    expect(spellings.spelling(c, 'Asia ')).toBe('Asia ');
    const d = [b[0]!, c[1]!, { ...a[2]!, tags: ['x', 'aSia'] }];
    expect(spellings.spelling(d, 'ASIA')).toBe('aSia');
  });
});
