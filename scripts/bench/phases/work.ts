import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { benchRng, queryFrom } from '../draw.js';
import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';
import { peakRssMB } from '../rss.js';

/**
 * A working session on an open desk: the first search (which loads the saved index), the peak memory with the
 * desk open and the index loaded, `samples` searches (and the peak memory after them: broad queries make
 * garbage), then `samples` edits, alternating a tag and a paragraph correction.
 */
export async function workPhase({ deskDir, samples }: PhaseParams): Promise<Samples[]> {
  const desk = await Desk.open(deskDir);
  try {
    const service = new DeskService(desk);
    const call = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const a = await r;
      if (!a.ok) throw new Error(a.error.message);
      return a.value;
    };
    const ids = desk.list().map((s) => s.id);

    // The first search loads the saved index. Its query comes from the list (a headline), so no article body
    // has been read when the memory figure for "desk open, index loaded" is taken.
    let t = performance.now();
    await call(service.call('listArticles', { query: desk.list()[0]!.headline, limit: 100 }));
    const firstSearch = performance.now() - t;
    const rssOpen = peakRssMB();

    const rng = benchRng(1);
    const queries: string[] = [];
    for (let i = 0; i < samples; i++) queries.push(queryFrom(await call(service.call('getArticle', { id: rng.pick(ids) })), rng));
    const search: number[] = [];
    for (const query of queries) {
      t = performance.now();
      const page = await call(service.call('listArticles', { query, limit: 100 }));
      search.push(performance.now() - t);
      if (page.total === 0) throw new Error(`the search "${query}" found nothing, though it was drawn from an article`);
    }
    const rssSearch = peakRssMB();

    const edit: number[] = [];
    const editRng = benchRng(2);
    for (let i = 0; i < samples; i++) {
      const id = editRng.pick(ids);
      if (i % 2 === 0) {
        t = performance.now();
        await call(service.call('addTags', { ids: [id], tags: [`bench ${i % 7}`] }));
        edit.push(performance.now() - t);
      } else {
        // An editor corrects what they have open, so the article is read first, outside the timing.
        const article = await call(service.call('getArticle', { id }));
        t = performance.now();
        await call(service.call('correctField', { id, field: 'paragraph:1', text: `${article.paragraphs[0]} (corrected ${i})` }));
        edit.push(performance.now() - t);
      }
    }
    await service.dispose();
    return [
      { metric: 'search-first', unit: 'ms', values: [firstSearch] },
      { metric: 'search', unit: 'ms', values: search },
      { metric: 'rss-open', unit: 'MB', values: [rssOpen] },
      { metric: 'rss-search', unit: 'MB', values: [rssSearch] },
      { metric: 'edit', unit: 'ms', values: edit },
    ];
  } finally {
    await desk.close();
  }
}
