import { STATUSES, type Status } from '../../core/statuses.js';
import { changeArticle, changeJson } from '../article-change.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';

export const statusUsage = `Usage: copydesk status <id> <status> [--note TEXT] [--db DIR] [--json]

Sets an article's review status. <status> is one of: ${STATUSES.join(', ')}.
<id> may be shortened to any unique prefix. The change is a revision: see "copydesk history", undo with "copydesk undo".

  --note TEXT  why, kept with the change in the article's history
  --db DIR     the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json       print {id, changed, revision, article} (article as "copydesk show --json" prints it)`;

export async function statusCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, note: { type: 'string' } });
  if (values.help) {
    io.out(statusUsage);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('status takes an article id and a status');
  const [wanted, status] = positionals as [string, string];
  if (!isStatus(status)) throw new UsageError(`unknown status "${status}": use one of ${STATUSES.join(', ')}`);
  const note = values.note?.trim() || null;

  const change = await changeArticle(io, values.db, wanted, (service, id) => call(service, 'setStatus', { ids: [id], status, note }));
  if (values.json) printJson(io, changeJson(change));
  else io.out(change.revision ? `status → ${change.article.status}` : `status unchanged (${change.article.status})`);
  return 0;
}

const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);
