import { DeskError } from '../../core/result.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const listUsage = `Usage: copydesk list [--db DIR] [--json]

Lists the desk's articles in import order.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print a JSON array of {id, headline, dateline, updated, status, tags, source}`;

export async function listCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(listUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`list takes no arguments (got "${positionals[0]}")`);
  const page = await withDesk(io, values.db, { quiet: true }, async (service) => {
    const r = await service.call('listArticles', {});
    if (!r.ok) throw new DeskError(r.error.code, r.error.message);
    return r.value;
  });
  const rows = page.items.map(({ id, headline, dateline, updated, status, tags, source }) => ({ id, headline, dateline, updated, status, tags, source }));
  if (values.json) {
    printJson(io, rows);
    return 0;
  }
  if (rows.length === 0) {
    io.out('The desk is empty. Import seed files with: copydesk import <path…>');
    return 0;
  }
  for (const r of rows) {
    const when = r.updated?.date ?? (r.updated?.relative ? 'relative' : '—');
    io.out(`${r.id}  ${r.status.padEnd(9)}  ${(r.dateline ?? '—').padEnd(12)}  ${when.padEnd(10)}  ${r.headline}`);
  }
  io.out(`${rows.length} article${rows.length === 1 ? '' : 's'}`);
  return 0;
}
