import type { ImportResult } from '../../core/api.js';
import { DeskError } from '../../core/result.js';
import { DB_OPTION, UsageError, parse, parseSize } from '../args.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const importUsage = `Usage: copydesk import <path…> [--db DIR] [--json] [--max-size SIZE]

Imports seed files into the desk. Folders are read recursively for *.txt.
A file that cannot be read is reported and skipped; the others still land.

A bundle archive (made by \`copydesk export --format bundle\`) restores its articles with their revisions, tags,
statuses and claims, and the bundle itself. Every checksum is verified first: a tampered, truncated or unsafe
archive is refused whole and the desk is left untouched. Importing the same bundle twice changes nothing.

  --db DIR         the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json           print one JSON object: {imported, updated, unchanged, failed, files[]}
  --max-size SIZE  refuse files larger than SIZE (default 50MB)

Exit status: 0 when every file imported, 1 when any file failed, 2 for a usage error.`;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, 'max-size': { type: 'string' } });
  if (values.help) {
    io.out(importUsage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
  const maxBytes = values['max-size'] === undefined ? undefined : parseSize(values['max-size']);

  const result = await withDesk(io, values.db, { quiet: values.json === true, importOptions: maxBytes ? { maxBytes } : {} }, async (service) => {
    const r = await service.call('importPaths', { paths: positionals });
    if (!r.ok) throw new DeskError(r.error.code, r.error.message);
    return r.value;
  });

  if (values.json) printJson(io, result);
  else printSummary(io, result);
  return result.failed > 0 ? 1 : 0;
}

function printSummary(io: Io, r: ImportResult): void {
  const files = r.files.length;
  io.out(
    `${r.imported} imported, ${r.updated} updated, ${r.unchanged} unchanged` +
      ` from ${files - r.failed} of ${files} file${files === 1 ? '' : 's'}` +
      (r.failed ? `; ${r.failed} failed` : ''),
  );
  for (const f of r.files) {
    if (f.error) {
      io.err(`  ✗ ${f.error}`);
      continue;
    }
    io.out(`  ${f.path}: ${f.articles} article${f.articles === 1 ? '' : 's'}`);
    for (const w of f.warnings) io.out(`    warning: ${w}`);
  }
}
