import { CORRECTABLE } from '../../core/editorial/operations.js';
import { parseField } from '../../core/revisions.js';
import { changeArticle, changeJson } from '../article-change.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';

const FIELDS = 'headline, caption, credit, byline, dateline, updated, highlight:N, paragraph:N (N from 1), correctionNotice or notes';

export const correctUsage = `Usage: copydesk correct <id> --field <field> --text TEXT [--reason TEXT] [--db DIR] [--json]

Corrects one field of an article. The original stays as parsed; the correction is a revision, signed with the
editor name from "copydesk settings", listed by "copydesk history" and undone by "copydesk undo".
<id> may be shortened to any unique prefix.

  --field FIELD  ${FIELDS}
  --text TEXT    the corrected text (not empty)
  --reason TEXT  why, kept with the correction in the article's history
  --db DIR       the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json         print {id, changed, revision, article} (article as "copydesk show --json" prints it)`;

export async function correctCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, field: { type: 'string' }, text: { type: 'string' }, reason: { type: 'string' } });
  if (values.help) {
    io.out(correctUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('correct takes exactly one article id');
  const field = values.field;
  if (field === undefined) throw new UsageError(`correct needs --field: ${FIELDS}`);
  if (!correctable(field)) throw new UsageError(`cannot correct field "${field}": use ${FIELDS}`);
  if (values.text === undefined) throw new UsageError('correct needs --text with the corrected text');
  if (values.text.trim() === '') throw new UsageError(`the new text for ${field} is empty`);
  const text = values.text;
  const reason = values.reason?.trim() || null;

  const change = await changeArticle(io, values.db, positionals[0]!, (service, id) => call(service, 'correctField', { id, field, text, reason }));
  if (values.json) printJson(io, changeJson(change));
  else io.out(change.revision ? `${field} corrected (${change.revision.id}) by ${change.revision.editor}` : `${field} unchanged`);
  return 0;
}

/** The same rule the desk applies, checked before opening it so a misspelt field is a usage mistake. */
function correctable(field: string): boolean {
  const f = parseField(field);
  if (!f) return false;
  if (f.kind === 'text') return f.name !== 'datelineText';
  return f.kind === 'item' || (CORRECTABLE as readonly string[]).includes(f.name);
}
