import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../electron/core/model.js';
import { findMentions } from '../../../electron/core/query/mentions.js';
import { SearchIndex } from '../../../electron/core/search/search-index.js';
import { makeRecord } from '../../support/records.js';
import { seedDesks, value } from './seed-desk.js';

const desks = seedDesks('copydesk-mentions-');
afterEach(desks.cleanup);

describe('the list’s mentions filter (the desk-wide entity view)', () => {
  it('finds the articles whose current text names the entity or an alias, whole words, same capitals', async () => {
    const d = await desks.make(['seeds', 'tests/fixtures/seed']);
    const [one, two] = d.ids;
    const putin = { mentions: 'Vladimir Putin', mentionAliases: ['Putin'] };
    expect(await d.shown(putin)).toEqual([one]);
    expect(await d.shown({ mentions: 'Kabul' })).toEqual([two]);
    // Same capitals: the index folds case, the check does not.
    expect(await d.shown({ mentions: 'kabul' })).toEqual([]);
    // Whole words: "Kurs" is a prefix the index matches, but no article names "Kurs".
    expect(await d.shown({ mentions: 'Kurs' })).toEqual([]);
    expect(await d.shown({ mentions: 'Kursk' })).toEqual([one]);
    // Curly or straight apostrophes: the article prints “Korean People’s Army”, the panel may say either.
    expect(await d.shown({ mentions: "Korean People's Army" })).toEqual([one]);
    // Combined with other filters and a search.
    expect(await d.shown({ mentions: 'Kursk', query: 'pyongyang' })).toEqual([one]);
    expect(await d.shown({ mentions: 'Kursk', claims: 'false-or-misleading' })).toEqual([]);

    // The current text, not the original: a correction that names Putin in article 2 brings it in…
    const view = value(await d.service.call('getArticle', { id: two! }));
    value(await d.service.call('correctField', { id: two!, field: 'paragraph:2', text: `${view.paragraphs[1]} Putin was not involved.` }));
    expect(await d.shown(putin)).toEqual([one, two]);
    // …and corrections that take out both mentions of Kursk in article 1 (highlight 1, paragraph 3) take it out.
    value(await d.service.call('correctField', { id: one!, field: 'highlight:1', text: 'A highlight without the place.' }));
    expect(await d.shown({ mentions: 'Kursk' })).toEqual([one]);
    value(await d.service.call('correctField', { id: one!, field: 'paragraph:3', text: 'A paragraph without the place.' }));
    expect(await d.shown({ mentions: 'Kursk' })).toEqual([]);
  });

  it('narrows with the search index first: of 10,000 articles, only those holding every word of the name are read', async () => {
    const index = new SearchIndex();
    const words = 'officials said the plan would take effect next month while critics argued costs had been understated'.split(' ');
    const named = new Set(['a1234', 'a5678', 'a9001']);
    for (let i = 0; i < 10_000; i++) {
      const id = `a${i}`;
      const filler = Array.from({ length: 24 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
      // Decoys share one word or the other, or both in lower case; only three name Vladimir Putin.
      const extra = named.has(id) ? ' Vladimir Putin said so.' : i % 97 === 0 ? ' vladimir putin, in lower case.' : i % 10 === 0 ? ' Vladimir Nabokov wrote.' : '';
      index.upsert(id, { ...emptyContent(`Council approves budget ${i}`), paragraphs: [`${filler}.${extra}`] });
    }
    const loaded: string[] = [];
    const found = await findMentions(['Vladimir Putin'], {
      search: (q) => index.search(q),
      load: async (ids) => {
        loaded.push(...ids);
        return new Map(ids.map((id) => {
          const i = Number(id.slice(1));
          const extra = named.has(id) ? ' Vladimir Putin said so.' : ' vladimir putin, in lower case.';
          return [id, makeRecord(i, { id, original: { ...emptyContent(`Council approves budget ${i}`), paragraphs: [`Text.${extra}`] } })];
        }));
      },
    });
    expect([...found].sort()).toEqual([...named].sort());
    // The three, plus the lower-case decoys the index cannot tell apart (it folds case): about 100 of 10,000.
    const decoys = Array.from({ length: 10_000 }, (_, i) => `a${i}`).filter((id, i) => i % 97 === 0 && !named.has(id));
    expect(new Set(loaded)).toEqual(new Set([...named, ...decoys]));
    expect(loaded.length).toBeLessThan(120);
  });
});
