import type { ArticleView } from '../../core/api.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const showUsage = `Usage: copydesk show <id> [--db DIR] [--json]

Shows one article: its current text, where it came from, and any parse warnings.
<id> may be shortened to any unique prefix.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print one JSON object with the current fields, datelineText, status, tags, correctionNotice,
            notes, original, source and warnings`;

export async function showCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(showUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('show takes exactly one article id');
  const wanted = positionals[0]!;
  const article = await withDesk(io, values.db, { quiet: true }, (service) => call(service, 'getArticle', { id: resolveArticleId(service, wanted) }));
  if (values.json) printJson(io, articleJson(article));
  else printArticle(io, article);
  return 0;
}

/** The article as `show --json` prints it; the editorial commands' --json output embeds the same object. */
export function articleJson(a: ArticleView) {
  return {
    id: a.id,
    headline: a.headline,
    caption: a.caption,
    credit: a.credit,
    updated: a.updated,
    highlights: a.highlights,
    byline: a.byline,
    dateline: a.dateline,
    datelineText: a.datelineText,
    paragraphs: a.paragraphs,
    status: a.status,
    tags: a.tags,
    correctionNotice: a.correctionNotice,
    notes: a.notes,
    source: a.source,
    warnings: a.warnings,
    original: a.original,
    importedAt: a.importedAt,
    modifiedAt: a.modifiedAt,
  };
}

function printArticle(io: Io, a: ArticleView): void {
  io.out(a.headline);
  io.out('='.repeat(Math.min(a.headline.length, 80)));
  if (a.caption || a.credit) io.out(`Caption: ${a.caption ?? ''}${a.credit ? ` (${a.credit})` : ''}`);
  if (a.byline) io.out(`By ${a.byline}`);
  if (a.updated) io.out(`${a.updated.raw}${a.updated.date ? ` [${a.updated.date}]` : ''}`);
  for (const h of a.highlights) io.out(`  • ${h}`);
  io.out('');
  a.paragraphs.forEach((p, i) => io.out(i === 0 && a.datelineText ? `${a.datelineText} ${p}` : p));
  if (a.correctionNotice) {
    io.out('');
    io.out(`Correction: ${a.correctionNotice}`);
  }
  io.out('');
  if (a.notes) io.out(`Note (internal): ${a.notes}`);
  io.out(`id ${a.id} · ${a.status}${a.tags.length ? ` · tags: ${a.tags.join(', ')}` : ''}`);
  io.out(`from ${a.source.path} (article ${a.source.index + 1}, chars ${a.source.start}–${a.source.end})`);
  for (const w of a.warnings) io.out(`warning: ${w.message}`);
}
