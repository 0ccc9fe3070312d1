import { readRegular } from '../backup/backup-files.js';
import { DeskError } from '../result.js';
import { writeFileDurable } from '../store/durable-write.js';
import { CURRENT_SCHEMA_VERSION, type Root, RootHeaderSchema, RootSchema, rootBackupPath, rootPath } from '../store/layout.js';
import { sealFault } from '../store/root-seal.js';
import { moveAside, reasonOnly } from './doctor-files.js';
import type { Findings } from './doctor-report.js';

type RootRead =
  | { state: 'ok'; root: Root; text: string }
  | { state: 'missing' }
  | { state: 'bad'; reason: string }
  | { state: 'other-version'; version: number };

export interface CheckedRoots {
  /** The root in force after doctor's fixes, and its JSON as stored (fields the schema does not know kept). */
  root: Root | null;
  rootJson: Record<string, unknown> | null;
  /** The previous root (desk.json.bak) when it reads; its files are the desk's fallback and stay. */
  prevRoot: Root | null;
}

/**
 * desk.json and desk.json.bak. One damaged while the other reads is fixed the way opening the desk would fix it
 * (the damaged file moved aside, the good one copied over it); both damaged needs a backup.
 */
export async function checkRoots(deskDir: string, f: Findings, restoreAdvice: string): Promise<CheckedRoots> {
  const main = await readRoot(rootPath(deskDir));
  const bak = await readRoot(rootBackupPath(deskDir));
  f.checked += (main.state === 'missing' ? 0 : 1) + (bak.state === 'missing' ? 0 : 1);
  const none: CheckedRoots = { root: null, rootJson: null, prevRoot: null };

  if (main.state === 'other-version') {
    if (main.version > CURRENT_SCHEMA_VERSION) {
      f.unfixed(rootPath(deskDir), `is desk format v${main.version}, written by a newer Copydesk (this one reads up to v${CURRENT_SCHEMA_VERSION})`, 'open the desk with a newer Copydesk');
    } else {
      f.unfixed(rootPath(deskDir), `is desk format v${main.version}, older than this Copydesk's v${CURRENT_SCHEMA_VERSION}`, 'open the desk once (copydesk list) to migrate it, then run doctor again');
    }
    return none;
  }
  if (main.state === 'ok') {
    if (bak.state === 'bad') {
      await moveAside(rootBackupPath(deskDir), f);
      await writeFileDurable(rootBackupPath(deskDir), main.text);
      f.fixed(rootBackupPath(deskDir), bak.reason, 'moved it aside and replaced it with a copy of desk.json');
      return { root: main.root, rootJson: JSON.parse(main.text), prevRoot: main.root };
    }
    return { root: main.root, rootJson: JSON.parse(main.text), prevRoot: bak.state === 'ok' ? bak.root : null };
  }

  const problem = main.state === 'missing' ? 'is missing' : main.reason;
  if (bak.state !== 'ok') {
    f.unfixed(rootPath(deskDir), `${problem}, and desk.json.bak ${bak.state === 'missing' ? 'is missing' : `is damaged too (${bak.state === 'bad' ? bak.reason : `desk format v${bak.version}`})`}`, restoreAdvice);
    return none;
  }
  if (main.state === 'bad') await moveAside(rootPath(deskDir), f);
  await writeFileDurable(rootPath(deskDir), bak.text);
  f.fixed(rootPath(deskDir), problem, `replaced it with desk.json.bak (generation ${bak.root.generation}); the last change before the damage may be missing`);
  return { root: bak.root, rootJson: JSON.parse(bak.text), prevRoot: bak.root };
}

async function readRoot(path: string): Promise<RootRead> {
  let text: string;
  try {
    text = (await readRegular(path)).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    if (err instanceof DeskError) return { state: 'bad', reason: reasonOnly(err.message, path) };
    return { state: 'bad', reason: `cannot be read (${(err as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { state: 'bad', reason: `is not valid JSON (${(err as Error).message})` };
  }
  const header = RootHeaderSchema.safeParse(json);
  if (header.success && header.data.schemaVersion !== CURRENT_SCHEMA_VERSION) return { state: 'other-version', version: header.data.schemaVersion };
  const sealed = sealFault(json);
  if (sealed) return { state: 'bad', reason: sealed };
  const parsed = RootSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { state: 'bad', reason: reasonOnly(`${path} does not match the desk format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, path) };
  }
  return { state: 'ok', root: parsed.data, text };
}
