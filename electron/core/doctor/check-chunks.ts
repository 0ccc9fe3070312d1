import { isDeepStrictEqual } from 'node:util';
import { summarize } from '../model.js';
import { fsyncDir, writeFileDurable } from '../store/durable-write.js';
import { lineIndex } from '../store/body-file.js';
import { type FileCheck, checkOf } from '../store/file-check.js';
import { readOwnFile } from '../store/json-doc-adapter.js';
import { type BodyDoc, BodyDocSchema, type ChunkRef, type MetaDoc, MetaDocSchema, type Root, bodyPath, docsDir, metaPath, rootPath } from '../store/layout.js';
import { rootText } from '../store/root-seal.js';
import { moveAside, readDoc, reasonOnly } from './doctor-files.js';
import type { Findings } from './doctor-report.js';

/**
 * Every chunk the root names: the body must exist, match the size and SHA-256 the root recorded for it (when it
 * did), validate and be the chunk and revision the root says. The meta file is derived from the body, so
 * whenever it is missing, damaged or differs from what the body summarises to, it is rebuilt from the body (a
 * damaged one is moved aside first) and the root records the new file's checksum. A count in the root that
 * disagrees with the files is corrected in desk.json. A bad body cannot be rebuilt: that takes a backup.
 */
export async function checkChunks(deskDir: string, root: Root, rootJson: Record<string, unknown>, f: Findings, restoreAdvice: string): Promise<void> {
  const counts = new Map<number, { was: number; is: number }>();
  const rebuilt = new Map<number, FileCheck>();
  for (const ref of root.chunks) {
    f.checked += 2;
    const body = await checkBody(deskDir, ref, f, restoreAdvice);
    if (!body) {
      await reportBadMeta(deskDir, ref, f, restoreAdvice);
      continue;
    }
    if (body.articles.length !== ref.count) counts.set(ref.id, { was: ref.count, is: body.articles.length });
    const check = await checkMeta(deskDir, ref, body, f);
    if (check) rebuilt.set(ref.id, check);
  }
  if (rebuilt.size > 0) await fsyncDir(docsDir(deskDir));
  if (counts.size > 0 || rebuilt.size > 0) await fixRoot(deskDir, rootJson, counts, rebuilt, f);
}

async function checkBody(deskDir: string, ref: ChunkRef, f: Findings, restoreAdvice: string): Promise<BodyDoc | null> {
  const path = bodyPath(deskDir, ref);
  const read = await readDoc(path, BodyDocSchema, ref.body ? { expect: ref.body } : {});
  if (read.state === 'missing') f.unfixed(path, `is missing (chunk ${ref.id}, ${ref.count} articles)`, restoreAdvice);
  else if (read.state === 'bad') f.unfixed(path, reasonOnly(read.reason, path), restoreAdvice);
  else if (read.doc.chunk !== ref.id || read.doc.rev !== ref.rev) {
    f.unfixed(path, `holds chunk ${read.doc.chunk} r${read.doc.rev}, not ${ref.id} r${ref.rev}`, restoreAdvice);
  } else return read.doc;
  return null;
}

/** With the body lost the meta file cannot be checked against it; it is only reported if it is damaged too. */
async function reportBadMeta(deskDir: string, ref: ChunkRef, f: Findings, restoreAdvice: string): Promise<void> {
  const path = metaPath(deskDir, ref);
  const read = await readDoc(path, MetaDocSchema);
  if (read.state === 'bad') f.unfixed(path, reasonOnly(read.reason, path), restoreAdvice);
  else if (read.state === 'missing') f.unfixed(path, 'is missing', restoreAdvice);
}

/**
 * The new file's checksum when the meta file was rewritten, else null. A meta file without a line index (written
 * before there was one) is fine as it is: its chunk is read whole.
 */
async function checkMeta(deskDir: string, ref: ChunkRef, body: BodyDoc, f: Findings): Promise<FileCheck | null> {
  const path = metaPath(deskDir, ref);
  const lines = lineIndex(await readOwnFile(bodyPath(deskDir, ref)), body.articles.length);
  const laidOut = lines !== '' && lines.split(' ').length === body.articles.length;
  const expected: MetaDoc = MetaDocSchema.parse({ chunk: ref.id, rev: ref.rev, entries: body.articles.map((a) => summarize(a)), ...(laidOut ? { lines } : {}) });
  const read = await readDoc(path, MetaDocSchema, ref.meta ? { expect: ref.meta } : {});
  let problem: string;
  if (read.state === 'missing') problem = 'is missing';
  else if (read.state === 'bad') problem = reasonOnly(read.reason, path);
  else if (read.doc.chunk !== ref.id || read.doc.rev !== ref.rev) problem = `holds chunk ${read.doc.chunk} r${read.doc.rev}, not ${ref.id} r${ref.rev}`;
  else if (!isDeepStrictEqual(read.doc.entries, expected.entries)) problem = 'does not match its article file (the list would show stale or wrong fields)';
  else if (read.doc.lines !== undefined && read.doc.lines !== expected.lines) problem = 'has a line index that does not match its article file (its articles would be read whole, slowly)';
  else return null;
  // Only damage is kept aside; a valid but stale summary is simply derived data being brought up to date.
  if (read.state === 'bad' || (read.state === 'ok' && (read.doc.chunk !== ref.id || read.doc.rev !== ref.rev))) await moveAside(path, f);
  const bytes = Buffer.from(JSON.stringify(expected), 'utf8');
  await writeFileDurable(path, bytes, { syncDir: false });
  f.fixed(path, problem, 'rebuilt it from its article file; nothing lost');
  return checkOf(bytes);
}

async function fixRoot(
  deskDir: string,
  rootJson: Record<string, unknown>,
  counts: Map<number, { was: number; is: number }>,
  rebuilt: Map<number, FileCheck>,
  f: Findings,
): Promise<void> {
  const chunks = (rootJson.chunks as { id: number; count: number; meta?: FileCheck }[]).map((c) => ({
    ...c,
    ...(counts.has(c.id) ? { count: counts.get(c.id)!.is } : {}),
    ...(rebuilt.has(c.id) ? { meta: rebuilt.get(c.id) } : {}),
  }));
  // The generation stays: no article changed, and desk.json.bak (the last change's fallback) must stay as it is.
  await writeFileDurable(rootPath(deskDir), rootText({ ...rootJson, chunks }));
  for (const [id, { was, is }] of counts) f.fixed(rootPath(deskDir), `says chunk ${id} holds ${was} articles; its files hold ${is}`, 'corrected the count');
}
