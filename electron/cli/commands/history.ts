import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { type HistoryEntry, brief, toHistoryEntry } from '../revisions-out.js';
import { withDesk } from '../with-desk.js';

export const historyUsage = `Usage: copydesk history <id> [--db DIR] [--json]

Lists every change to an article, oldest first: corrections, status and tag changes, undos and redos.
<id> may be shortened to any unique prefix.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print a JSON array of {id, field, before, after, reason, editor, at}`;

export async function historyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(historyUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('history takes exactly one article id');
  const wanted = positionals[0]!;
  const article = await withDesk(io, values.db, { quiet: true }, (service) => call(service, 'getArticle', { id: resolveArticleId(service, wanted) }));
  const entries = article.revisions.map(toHistoryEntry);
  if (values.json) printJson(io, entries);
  else printTable(io, entries);
  return 0;
}

function printTable(io: Io, entries: HistoryEntry[]): void {
  if (entries.length === 0) {
    io.out('No changes yet: the article stands as imported.');
    return;
  }
  const rows = [
    ['rev', 'at (UTC)', 'editor', 'field', 'change', 'reason'],
    ...entries.map((e) => [e.id, e.at.slice(0, 16).replace('T', ' '), e.editor, e.field, `${brief(e.before, 32)} → ${brief(e.after, 32)}`, e.reason ?? '']),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  for (const r of rows) io.out(r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length))).join('  ').trimEnd());
}
