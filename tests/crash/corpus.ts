import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GeneratedFile, type Rng, generateArticle, makeRng, renderSeedFile } from '../support/seed-corpus.js';

/**
 * A seed corpus laid out the way a wire archive often is: one folder per day, the same file names in each
 * (`p03/f012.txt`). The importer commits a batch whenever a file name repeats one already staged (two files of one
 * name share article ids), so each folder is exactly one commit: an import of this corpus spans `folders`
 * batches whatever their size, and a crash must leave a whole number of them.
 */
export interface BatchedCorpus {
  dir: string;
  /** Folder names in the order the importer walks them (sorted). */
  folders: string[];
  /** Every file, in import order; `folder` is its index in `folders`. */
  files: (GeneratedFile & { folder: number })[];
  articleCount: number;
}

export interface BatchedCorpusOptions {
  folders: number;
  filesPerFolder: number;
  seed: number;
  /** Articles per file, inclusive; default 1–5. */
  maxArticles?: number;
  /** Paragraphs per article, inclusive; default 3–8 (smaller than the default corpus, so a big import stays quick). */
  maxParagraphs?: number;
}

export function generateBatchedCorpus(dir: string, opts: BatchedCorpusOptions): BatchedCorpus {
  const rng = makeRng(opts.seed);
  const taken = new Set<string>();
  const folders = Array.from({ length: opts.folders }, (_, i) => `p${String(i).padStart(3, '0')}`);
  const files: BatchedCorpus['files'] = [];
  folders.forEach((folder, f) => {
    for (let i = 0; i < opts.filesPerFolder; i++) {
      const articles = Array.from({ length: rng.int(1, opts.maxArticles ?? 5) }, () => generateArticle(rng, taken, { minParagraphs: 3, maxParagraphs: opts.maxParagraphs ?? 8 }));
      const name = `f${String(i).padStart(3, '0')}.txt`;
      files.push({ name, path: join(dir, folder, name), text: renderSeedFile(articles), articles, folder: f });
    }
  });
  return { dir, folders, files, articleCount: files.reduce((n, f) => n + f.articles.length, 0) };
}

export async function writeBatchedCorpus(dir: string, opts: BatchedCorpusOptions): Promise<BatchedCorpus> {
  const corpus = generateBatchedCorpus(dir, opts);
  for (const folder of corpus.folders) await mkdir(join(dir, folder), { recursive: true });
  await Promise.all(corpus.files.map((f) => writeFile(f.path, f.text, 'utf8')));
  return corpus;
}

export type { Rng };
