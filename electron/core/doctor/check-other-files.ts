import { readRegular } from '../backup/backup-files.js';
import { DeskError } from '../result.js';
import { docFault, liveDocs } from '../backup/live-docs.js';
import type { Root } from '../store/layout.js';
import type { Findings } from './doctor-report.js';

/**
 * Live files other than chunk files (the bundles file, and whatever the root names next): present, whole JSON,
 * valid where their kind is known. Nothing derives them, so damage needs a backup.
 */
export async function checkOtherLiveFiles(deskDir: string, root: Root, f: Findings, restoreAdvice: string): Promise<void> {
  for (const doc of liveDocs(deskDir, root)) {
    if (doc.chunk) continue;
    f.checked++;
    let text: string;
    try {
      text = (await readRegular(doc.path)).toString('utf8');
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : err instanceof DeskError ? err.message.slice(doc.path.length + 1) : `cannot be read (${(err as Error).message})`;
      f.unfixed(doc.path, why, restoreAdvice);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      f.unfixed(doc.path, `is not valid JSON (${(err as Error).message})`, restoreAdvice);
      continue;
    }
    const fault = docFault(doc, json);
    if (fault) f.unfixed(doc.path, fault, restoreAdvice);
  }
}
