import type { ArticleView } from '../../core/api.js';
import { DeskError } from '../../core/result.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const showUsage = `Usage: copydesk show <id> [--db DIR] [--json]

Shows one article: its current text, where it came from, and any parse warnings.
<id> may be shortened to any unique prefix.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print one JSON object with the current fields, datelineText, original, source and warnings`;

export async function showCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(showUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('show takes exactly one article id');
  const wanted = positionals[0]!;
  const article = await withDesk(io, values.db, { quiet: true }, async (service) => {
    const id = service.desk.summary(wanted) ? wanted : uniquePrefix(service.desk.list().map((a) => a.id), wanted);
    const r = await service.call('getArticle', { id });
    if (!r.ok) throw new DeskError(r.error.code, r.error.message);
    return r.value;
  });
  if (values.json) printJson(io, toJson(article));
  else printArticle(io, article);
  return 0;
}

function uniquePrefix(ids: string[], prefix: string): string {
  const hits = ids.filter((id) => id.startsWith(prefix));
  if (hits.length > 1) throw new DeskError('NOT_FOUND', `id prefix ${prefix} matches ${hits.length} articles; give more of it`);
  return hits[0] ?? prefix;
}

function toJson(a: ArticleView) {
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
  io.out('');
  io.out(`id ${a.id} · ${a.status}${a.tags.length ? ` · tags: ${a.tags.join(', ')}` : ''}`);
  io.out(`from ${a.source.path} (article ${a.source.index + 1}, chars ${a.source.start}–${a.source.end})`);
  for (const w of a.warnings) io.out(`warning: ${w.message}`);
}
