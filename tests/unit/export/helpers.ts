import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { addTags } from '../../../electron/core/editorial/tags.js';
import { correctField, insertParagraph, removeParagraph, setStatus, setTags, type Actor } from '../../../electron/core/editorial/operations.js';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import type { ExportArticle, ExportContext, VerdictDefinition } from '../../../electron/core/export/types.js';
import { upsertClaim } from '../../../electron/core/factcheck/claim-store.js';
import { articleId, normalizeHeadline } from '../../../electron/core/import/article-id.js';
import { type ArticleRecord, ArticleRecordSchema, DEFAULT_VERDICT_SCALE } from '../../../electron/core/model.js';
import { fixturePath, parseFile, repoPath } from '../parse/helpers.js';

/** The desk's default scale, as the settings give it. */
export const SCALE: readonly VerdictDefinition[] = DEFAULT_VERDICT_SCALE;

export const CTX: ExportContext = { organizationName: 'Desk Weekly', editorName: 'Ana', appVersion: '0.1.0', verdicts: SCALE };

export const actor = (n: number): Actor => ({ editor: 'Ana', now: `2026-03-0${n}T09:00:00.000Z` });
export const checker = (n: number) => ({ checker: 'Ben', now: `2026-03-0${n}T10:00:00.000Z` });

export const SEED = repoPath('seeds/000_9aa4e691ff5375b9.txt');

/** Every seed file the parser tests use, plus the bundled seed: encodings, layouts, scripts. */
export function allSeedPaths(): string[] {
  const fixtures = readdirSync(repoPath('tests/fixtures/seed')).filter((f) => f.endsWith('.txt')).sort().map(fixturePath);
  return [SEED, ...fixtures];
}

/** Records as an import makes them: the real parser, the real ids, nothing edited yet. */
export function seedRecords(path: string): ArticleRecord[] {
  const file = basename(path);
  const seen = new Map<string, number>();
  return parseFile(path).parse.articles.map((a, seq) => {
    const key = normalizeHeadline(a.content.headline);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    // Parsed by the store's own schema, so defaults the store fills in are filled here too.
    return ArticleRecordSchema.parse({
      id: articleId(file, a.content.headline, n),
      seq,
      original: a.content,
      priorOriginals: [],
      revisions: [],
      claims: [],
      source: { file, path, index: a.index, start: a.start, end: a.end, sha256: a.sha256 },
      sourceText: a.text,
      spans: a.spans,
      warnings: a.warnings,
      importedAt: '2026-03-01T08:00:00.000Z',
      modifiedAt: '2026-03-01T08:00:00.000Z',
    });
  });
}

/**
 * The seed's first article (Putin and Kim) worked on by a desk: a corrected paragraph, a correction notice, an
 * editor's note, tags, approval, and rulings — one on words a later correction removes (orphaned), one that
 * stays unverified, one on a highlight.
 */
export function workedPutin(): ArticleRecord {
  let r = seedRecords(SEED)[0]!;
  r = upsertClaim(r, { text: 'The two countries signed a mutual defense pact last year', verdict: 'true', note: 'Treaty signed June 2024', sources: ['https://example.org/treaty'] }, checker(2));
  r = upsertClaim(r, { text: 'US President Trump is expected to press Russia to end the Ukraine war', verdict: 'unproven' }, checker(2));
  r = upsertClaim(r, { text: 'Pyongyang supplying troops and weapons', verdict: 'unverified' }, checker(2));
  r = upsertClaim(r, { text: 'North Korea confirmed for the first time in April', verdict: 'false', sources: ['https://example.org/a', 'https://example.org/b'] }, checker(3));
  r = correctField(r, 'paragraph:2', 'Putin and Kim spoke by telephone on Tuesday in a “warm comradely atmosphere” and confirmed “their will to strengthen cooperation in the future,” the official Korean Central News Agency (KCNA) said.', 'word order', actor(4));
  r = removeParagraph(r, 8, 'unsourced', actor(4));
  r = correctField(r, 'correctionNotice', 'An earlier version misstated when North Korea confirmed its deployment.', null, actor(4));
  r = correctField(r, 'notes', 'Check KCNA wording against the Korean original.', null, actor(4));
  r = setTags(r, (cur) => addTags(cur, ['Russia', 'North Korea', 'no']), actor(5));
  r = setStatus(r, 'approved', null, actor(5));
  return r;
}

/** The seed's second article (Pakistan, Afghanistan): relative Updated line, no caption, a paragraph added. */
export function workedPakistan(): ArticleRecord {
  let r = seedRecords(SEED)[1]!;
  r = insertParagraph(r, 3, 'Officials gave no casualty figures by Saturday.', 'update', actor(4));
  r = upsertClaim(r, { text: 'There were no immediate reports of casualties.', verdict: 'misleading' }, checker(5));
  r = setStatus(r, 'in-review', null, actor(5));
  return r;
}

/** Every article of every seed file, untouched, then the two worked ones. */
export function allExportArticles(): ExportArticle[] {
  const plain = allSeedPaths().flatMap(seedRecords).map(toExportArticle);
  return [...plain, toExportArticle(workedPutin()), toExportArticle(workedPakistan())];
}

/**
 * Text an attacker would put in an article, for formats that must render it inert. Each field of a seed
 * article gets some of it through the real editorial functions.
 */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '"><svg onload=alert(3)>',
  "'><a href='javascript:alert(4)'>click</a>",
  '[x](javascript:alert(5)) ![i](https://evil.example/p.png)',
  '</style><style>body{background:url(https://evil.example/x)}</style>',
  '<!-- <iframe src="https://evil.example"></iframe> -->',
  '<math><mi xlink:href="javascript:alert(6)">m</mi></math>',
  '<svg><script>alert(7)</script></svg>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/"><link rel=stylesheet href=https://evil.example/s.css>',
  '<object data="data:text/html,x"></object><embed src="https://evil.example/e">',
  '\u202Eevil\u202C <bdo dir=rtl>flip</bdo>',
  '&lt;script&gt; &amp; &#x3C;script&#x3E;',
  '<![CDATA[<script>alert(8)</script>]]>',
  '<template><script>alert(9)</script></template><noscript><p title="</noscript><img src=x onerror=alert(10)>">',
];

export function hostileRecord(): ArticleRecord {
  let r = seedRecords(SEED)[0]!;
  const p = (i: number): string => PAYLOADS[i % PAYLOADS.length]!;
  r = correctField(r, 'headline', `Headline ${p(0)} ${p(12)}`, null, actor(2));
  r = correctField(r, 'caption', `Caption ${p(1)}`, null, actor(2));
  r = correctField(r, 'credit', p(2), null, actor(2));
  r = correctField(r, 'byline', `Jo ${p(3)}`, null, actor(2));
  r = correctField(r, 'dateline', p(9), null, actor(2));
  r = correctField(r, 'highlight:1', p(4), null, actor(2));
  r = correctField(r, 'highlight:2', p(5), null, actor(2));
  PAYLOADS.forEach((text, i) => {
    if (i < 8) r = correctField(r, `paragraph:${i + 1}`, text, null, actor(3));
    else r = insertParagraph(r, i + 1, text, null, actor(3));
  });
  r = correctField(r, 'correctionNotice', `Fixed ${p(6)}`, null, actor(4));
  r = correctField(r, 'notes', p(7), null, actor(4));
  r = setTags(r, () => [p(8), p(10), p(12), '=HYPERLINK("https://evil.example")'], actor(4));
  r = upsertClaim(r, { text: 'Headline <script>alert(1)</script>', verdict: 'false', sources: ['https://evil.example/"><script>alert(11)</script>'] }, checker(5));
  return r;
}
