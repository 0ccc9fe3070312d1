import { cleanTag } from '../../core/editorial/tags.js';
import { DeskError } from '../../core/result.js';
import { changeArticle, changeJson } from '../article-change.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';

export const tagUsage = `Usage: copydesk tag <id> <tag…> [--remove] [--db DIR] [--json]

Adds tags to an article, or with --remove takes them off. Tags match ignoring case ("Russia" is "russia")
and keep the spelling first typed; a tag is 1 to 64 characters. <id> may be any unique prefix.
A tag that starts with "-" goes after "--": copydesk tag <id> -- -x

  --remove  remove the tags instead of adding them
  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print {id, changed, revision, article} (article as "copydesk show --json" prints it)`;

export async function tagCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, remove: { type: 'boolean' } });
  if (values.help) {
    io.out(tagUsage);
    return 0;
  }
  if (positionals.length < 2) throw new UsageError('tag takes an article id and at least one tag');
  const [wanted, ...raw] = positionals as [string, ...string[]];
  const tags = raw.map(checkedTag);
  const method = values.remove ? 'removeTags' : 'addTags';

  const change = await changeArticle(io, values.db, wanted, (service, id) => call(service, method, { ids: [id], tags }));
  if (values.json) {
    printJson(io, changeJson(change));
    return 0;
  }
  const list = change.article.tags.length ? change.article.tags.join(', ') : '(none)';
  io.out(change.revision ? `tags: ${list}` : `tags unchanged: ${list}`);
  return 0;
}

/** The desk's own rule for a tag, applied before the desk is opened: a bad tag is a mistake in the command. */
function checkedTag(raw: string): string {
  try {
    return cleanTag(raw);
  } catch (err) {
    if (err instanceof DeskError) throw new UsageError(err.message);
    throw err;
  }
}
