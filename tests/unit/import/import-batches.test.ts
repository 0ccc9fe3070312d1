import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../../electron/core/import/import-files.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { openDesks } from '../../support/open-desks.js';
import { writeVariedCorpus } from '../../support/seed-corpus.js';

const desks = openDesks('copydesk-import-batches-');
afterEach(desks.cleanup);

const seed = (headline: string, body: string): string => `${headline}\n\nShort Url\nUpdated 2 March 2026\nFollow\n\n${headline}\n\nOSLO: ${body}\n`;

describe('importing in batches', () => {
  it('commits every batch in order while the next is parsed, and hands each committed batch over once', async () => {
    const root = await desks.tmp.make();
    const corpus = await writeVariedCorpus(join(root, 'corpus'), { articles: 120, seed: 9 });
    const desk = await desks.open(join(root, 'desk'), { chunkSize: 8 });
    const handed: ArticleRecord[][] = [];
    // A tiny batch size makes every file its own batch, so commits and parsing overlap all the way through.
    const report = await importFiles(desk, [join(root, 'corpus')], { batchChars: 1, onCommit: (records) => void handed.push([...records]) });
    expect(report).toMatchObject({ imported: 120, failed: 0 });
    expect(handed).toHaveLength(corpus.files);
    expect(handed.flat().map((r) => r.id)).toEqual(report.changedIds);
    expect(desk.list().map((s) => s.seq)).toEqual([...Array(120).keys()]);
    expect(desk.list().map((s) => s.id)).toEqual(report.changedIds);
  });

  it('lets a file see the articles of an earlier file of the same name, even when that batch is still committing', async () => {
    const root = await desks.tmp.make();
    await mkdir(join(root, 'a'), { recursive: true });
    await mkdir(join(root, 'b'), { recursive: true });
    await writeFile(join(root, 'a', 'wire.txt'), seed('Ferry fares rise', 'The operator said fares rise in May.'));
    await writeFile(join(root, 'b', 'wire.txt'), seed('Ferry fares rise', 'The operator said fares rise in June.'));
    const desk = await desks.open(join(root, 'desk'));
    const report = await importFiles(desk, [join(root, 'a'), join(root, 'b')], { batchChars: 1 });
    expect(report).toMatchObject({ imported: 1, updated: 1, failed: 0 });
    expect(desk.size).toBe(1);
    expect((await desk.get(desk.list()[0]!.id))!.original.paragraphs).toEqual(['The operator said fares rise in June.']);
  });

  it('stages each batch before its commit, in commit order, and hands on only the batches that landed', async () => {
    const root = await desks.tmp.make();
    await writeVariedCorpus(join(root, 'corpus'), { articles: 60, seed: 4 });
    const desk = await desks.open(join(root, 'desk'), { chunkSize: 8 });
    const commit = desk.commit.bind(desk);
    const events: string[] = [];
    const staged: (readonly ArticleRecord[])[] = [];
    const handed: (readonly ArticleRecord[])[] = [];
    let commits = 0;
    vi.spyOn(desk, 'commit').mockImplementation(async (records, ...rest) => {
      events.push(`commit ${staged.indexOf(records)}`);
      if (++commits === 3) throw new Error('disk full');
      return commit(records, ...rest);
    });
    const report = await importFiles(desk, [join(root, 'corpus')], {
      batchChars: 1,
      onStage: (records) => void (events.push(`stage ${staged.length}`), staged.push(records)),
      onCommit: (records) => void handed.push(records),
    });
    expect(report.failed).toBe(1);
    // Staged and committed in the same order, each batch staged before its commit (the next may be staged
    // while it commits).
    const numbers = (kind: string) => events.filter((e) => e.startsWith(kind)).map((e) => Number(e.split(' ')[1]));
    expect(numbers('stage')).toEqual([...staged.keys()]);
    expect(numbers('commit')).toEqual([...staged.keys()]);
    for (const k of staged.keys()) expect(events.indexOf(`stage ${k}`)).toBeLessThan(events.indexOf(`commit ${k}`));
    // The very arrays staged reach onCommit, all but the one whose commit failed.
    const landed = staged.filter((_, k) => k !== 2);
    expect(handed).toHaveLength(landed.length);
    handed.forEach((h, k) => expect(h).toBe(landed[k]));
    expect(handed.flat().map((r) => r.id)).toEqual(report.changedIds);
  });

  it('starts with small batches and lets them grow to the batch size', async () => {
    const root = await desks.tmp.make();
    await writeVariedCorpus(join(root, 'corpus'), { articles: 1200, seed: 6 });
    const desk = await desks.open(join(root, 'desk'));
    const sizes: number[] = [];
    await importFiles(desk, [join(root, 'corpus')], { onCommit: (records) => void sizes.push(records.reduce((n, r) => n + r.sourceText.length, 0)) });
    // About 4 MB of text: a first batch of about 1 MB, then one of about 2 MB, then the rest.
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes[0]).toBeLessThan(1.2 * 1024 * 1024);
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
  });
});
