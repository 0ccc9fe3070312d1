import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE, readJournal } from '../store/journal.js';
import { type Root, docsDir, liveFiles } from '../store/layout.js';
import type { Findings } from './doctor-report.js';

/**
 * A damaged copy is the trace of a repair already made (the desk, or doctor, put a good copy in its place), so it
 * counts as fixed: reported so someone can look at it, never deleted by doctor.
 */
const DAMAGED_COPY = 'is a damaged copy moved aside when it was replaced; nothing uses it';
const KEPT = 'kept it for inspection; delete it when no longer needed';
/** Named by a desk.json that was damaged and replaced from desk.json.bak: possibly the only copy of the last change. */
const KEPT_FROM_LOST_ROOT = 'was kept aside when desk.json was restored from desk.json.bak; it may hold the last change before the damage';

/**
 * Files no root refers to. In docs/ that is a superseded or interrupted write, removed as the desk's own
 * collection would (only when the root reads: without it nothing can be told apart). `*.tmp` files and moved-
 * aside stale locks are leftovers, removed. `*.corrupt-*` and `*.kept-*` files are reported and kept.
 */
export async function checkLeftovers(deskDir: string, roots: { root: Root | null; prevRoot: Root | null }, f: Findings): Promise<void> {
  const live = new Set([...liveFiles(deskDir, roots.root), ...liveFiles(deskDir, roots.prevRoot)]);
  for (const e of byName(await readdir(docsDir(deskDir), { withFileTypes: true }).catch(() => []))) {
    if (!e.isFile()) continue;
    const path = join(docsDir(deskDir), e.name);
    if (live.has(path)) continue;
    f.checked++;
    if (e.name.includes('.corrupt-')) {
      if (!f.keptAside.has(path)) f.fixed(path, DAMAGED_COPY, KEPT);
    } else if (e.name.includes('.kept-')) f.fixed(path, KEPT_FROM_LOST_ROOT, KEPT);
    else if (e.name.endsWith('.tmp')) await remove(path, 'is the leftover of an interrupted write', f);
    else if (roots.root) await remove(path, 'is not used by the desk (a superseded or interrupted write)', f);
  }
  for (const e of byName(await readdir(deskDir, { withFileTypes: true }))) {
    if (!e.isFile()) continue;
    const path = join(deskDir, e.name);
    if (e.name.includes('.corrupt-')) {
      f.checked++;
      if (!f.keptAside.has(path)) f.fixed(path, DAMAGED_COPY, KEPT);
    } else if (e.name.endsWith('.tmp')) {
      f.checked++;
      await remove(path, 'is the leftover of an interrupted write', f);
    } else if (e.name.startsWith('desk.lock.stale-')) {
      f.checked++;
      await remove(path, 'is a stale lock left while being cleared', f);
    } else if (JOURNAL_FILE.test(e.name)) {
      f.checked++;
      await checkJournal(path, JOURNAL_FILE.exec(e.name)![1]!, roots, f);
    }
  }
}

/**
 * A journal the root (or desk.json.bak) names is replayed by the desk at its next open; it is only reported when
 * damaged, and left for that open to handle. Any other journal belongs to a superseded root and is removed.
 */
async function checkJournal(path: string, id: string, roots: { root: Root | null; prevRoot: Root | null }, f: Findings): Promise<void> {
  if (roots.root?.journal !== id && roots.prevRoot?.journal !== id) {
    if (roots.root) await remove(path, 'is the journal of a superseded desk.json', f);
    return;
  }
  const { entries, problem } = await readJournal(path);
  if (problem) f.fixed(path, problem, `left for the desk to replay the ${entries.length} changes before the damage when it next opens; the damaged file is then kept aside`);
}

async function remove(path: string, problem: string, f: Findings): Promise<void> {
  await unlink(path);
  f.fixed(path, problem, 'removed it');
}

/** Directory order differs between file systems; the report should not. */
const byName = <E extends { name: string }>(entries: E[]): E[] => entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
