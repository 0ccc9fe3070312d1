import { changeArticle, changeJson } from './article-change.js';
import { DB_OPTION, UsageError, parse } from './args.js';
import { call } from './desk-calls.js';
import { type Io, printJson } from './io.js';
import { changeName } from './revisions-out.js';

/** undo and redo differ in one word; both are revisions, so one implementation serves them. */
export const usageOf = (verb: 'undo' | 'redo') => `Usage: copydesk ${verb} <id> [--db DIR] [--json]

${verb === 'undo' ? 'Steps back the latest change to an article that is not yet undone' : 'Re-applies the change to an article that was undone last'}
(a correction, a status or a tag change). It is itself a revision, so history keeps it.
<id> may be shortened to any unique prefix.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print {id, changed, revision, article} (article as "copydesk show --json" prints it)`;

export async function stepCommand(verb: 'undo' | 'redo', argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(usageOf(verb));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`${verb} takes exactly one article id`);

  const change = await changeArticle(io, values.db, positionals[0]!, (service, id) => call(service, verb, { id }));
  if (values.json) printJson(io, changeJson(change));
  else if (!change.revision) io.out(`${verb}: unchanged`);
  else {
    const { field, target, id, editor } = change.revision;
    io.out(`${changeName(field)} ${target} ${verb === 'undo' ? 'undone' : 'redone'} (${id}) by ${editor}`);
  }
  return 0;
}
