import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { ninjsText, toNinjs } from '../../../electron/core/export/ninjs.js';
import type { ExportArticle } from '../../../electron/core/export/types.js';
import { DeskError } from '../../../electron/core/result.js';
import { repoPath } from '../parse/helpers.js';
import { allExportArticles, CTX, hostileRecord, SEED, seedRecords, workedPakistan, workedPutin } from './helpers.js';

const vendored = (name: string): Buffer => readFileSync(repoPath(`resources/schemas/${name}`));
const shared = (name: string): Buffer => readFileSync(repoPath(`../shared/schemas/${name}`));

/** A validator built here from the vendored files, independent of the one the export uses. */
function freshValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormatsModule.default(ajv);
  ajv.addSchema(JSON.parse(vendored('GeoJSON-schema.json').toString('utf8')) as object);
  return ajv.compile(JSON.parse(vendored('ninjs-schema_3.1.json').toString('utf8')) as object);
}

/**
 * The official files' SHA-256, taken from the copies the project was given (../shared/schemas, IPTC commit
 * 3ace397), so the vendored copies cannot drift even where ../shared is absent (a fresh CI clone); where it is
 * present, the copies are also compared byte for byte.
 */
const OFFICIAL: Record<string, string> = {
  'ninjs-schema_3.1.json': '404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744',
  'GeoJSON-schema.json': 'e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2',
};

describe('the vendored schemas', () => {
  it.each(Object.keys(OFFICIAL))('%s is the official file, byte for byte', (name) => {
    expect(createHash('sha256').update(vendored(name)).digest('hex')).toBe(OFFICIAL[name]);
    if (existsSync(repoPath(`../shared/schemas/${name}`))) expect(vendored(name).equals(shared(name))).toBe(true);
  });
});

describe('toNinjs', () => {
  it('gives every seed article, worked or not, a document the IPTC schema accepts', () => {
    const validate = freshValidator();
    const articles = [...allExportArticles(), toExportArticle(hostileRecord())];
    expect(articles.length).toBeGreaterThan(25);
    for (const a of articles) {
      const doc = JSON.parse(ninjsText(a, CTX)) as unknown;
      expect(validate(doc), `${a.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('maps a corrected, tagged, approved article field by field', () => {
    const a = toExportArticle(workedPutin());
    const doc = toNinjs(a, CTX);
    expect(Object.keys(doc)).toEqual([
      'standard', 'uri', 'type', 'representationType', 'versionCreated', 'pubStatus', 'headlines', 'located', 'descriptions',
      'bodies', 'subjects', 'infoSources', 'edNote', 'altIds', 'associations',
    ]);
    expect(doc.standard).toEqual({ name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' });
    expect(doc.uri).toBe(`urn:copydesk:article:${a.id}`);
    expect(doc.versionCreated).toBe('2025-08-13T00:00:00Z');
    expect(doc.pubStatus).toBe('usable');
    expect(doc.headlines).toEqual([{ role: 'main', contentType: 'text/plain', value: 'Putin, North Korea’s Kim in phone call ahead of Alaska summit' }]);
    expect(doc.located).toBe('SEOUL');
    expect(doc.by).toBeUndefined();
    expect(doc.descriptions).toEqual([
      ...a.content.highlights.map((value) => ({ role: 'highlight', contentType: 'text/plain', value })),
      { role: 'correction', contentType: 'text/plain', value: 'An earlier version misstated when North Korea confirmed its deployment.' },
    ]);
    const body = doc.bodies![0]!;
    expect(body.value).toBe(a.content.paragraphs.join('\n\n'));
    expect(body.value).toContain('spoke by telephone on Tuesday');
    expect(body.value).not.toContain('North Korea confirmed for the first time');
    expect(body.charCount).toBe([...body.value].length);
    expect(body.wordCount).toBe(body.value.split(/\s+/).length);
    expect(doc.subjects).toEqual([{ name: 'Russia' }, { name: 'North Korea' }, { name: 'no' }]);
    expect(doc.infoSources).toEqual([{ name: 'REUTERS' }]);
    expect(doc.altIds).toEqual([{ role: 'source-sha256', value: a.source.sha256 }]);
    expect(doc.associations).toEqual([{
      name: 'picture', uri: `urn:copydesk:article:${a.id}:picture`, type: 'picture', representationType: 'partial',
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: a.content.caption }],
    }]);
    // Rulings for the receiving editors: the unverified claim is not one; the orphaned one still is.
    expect(doc.edNote).toBe([
      'Correction: An earlier version misstated when North Korea confirmed its deployment.',
      'Editor\'s note: Check KCNA wording against the Korean original.',
      'Fact-check: “The two countries signed a mutual defense pact last year” — True',
      'Fact-check: “US President Trump is expected to press Russia to end the Ukraine war” — Unproven',
      'Fact-check: “North Korea confirmed for the first time in April” — False (no longer in the text)',
    ].join('\n'));
    expect(doc).not.toHaveProperty('language');
  });

  it('counts a body\'s characters as code points and its words as whitespace-separated runs with a letter or digit', () => {
    const base = toExportArticle(workedPakistan());
    const piece = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u1680', '\u2028', '\u3000', '\ufeff', 'a', 'Z', '9', '١', 'é', '漢', '😀', '\ud800', '\udc00', '-', '—', '.', 'x y');
    const paragraph = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 30 }).map((p) => `w${p.join('')}`);
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const body = toNinjs({ ...base, content: { ...base.content, paragraphs } }, CTX).bodies![0]!;
        expect(body.charCount).toBe([...body.value].length);
        expect(body.wordCount).toBe(body.value.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes no versionCreated for a relative Updated line, and maps statuses to pubStatus', () => {
    const a = toExportArticle(workedPakistan());
    const doc = toNinjs(a, CTX);
    expect(a.content.updated).toMatchObject({ raw: 'Updated 7 sec ago', relative: true });
    expect(doc).not.toHaveProperty('versionCreated');
    expect(doc).not.toHaveProperty('associations');
    expect(doc.pubStatus).toBe('withheld');
    const as = (status: ExportArticle['status']) => toNinjs({ ...a, status }, CTX).pubStatus;
    expect(['new', 'in-review', 'checked', 'flagged', 'approved', 'spiked'].map((s) => as(s as ExportArticle['status'])))
      .toEqual(['withheld', 'withheld', 'withheld', 'withheld', 'usable', 'canceled']);
  });

  it('maps the byline and leaves out what an article lacks', () => {
    const [wire] = seedRecords(repoPath('tests/fixtures/seed/01-ap-wire-byline.txt')).map(toExportArticle);
    const doc = toNinjs(wire!, CTX);
    expect(doc.by).toBe('MARIA OKAFOR and DEVIN HALE Associated Press');
    expect(doc.infoSources).toEqual([{ name: 'AP' }]);
    for (const key of ['versionCreated', 'descriptions', 'subjects', 'edNote', 'associations']) expect(doc).not.toHaveProperty(key);
  });

  it('refuses to return a document the schema rejects, saying why', () => {
    const a = toExportArticle(seedRecords(SEED)[0]!);
    let caught: unknown;
    try {
      toNinjs({ ...a, id: 'has a space' }, CTX);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DeskError);
    expect((caught as DeskError).code).toBe('INTERNAL');
    expect((caught as DeskError).message).toMatch(/article has a space does not validate against ninjs 3\.1.*\/uri must match format "uri"/);
  });

  it('is deterministic: same article, same bytes, one trailing newline', () => {
    const a = toExportArticle(workedPutin());
    const b = toExportArticle(workedPutin());
    expect(ninjsText(a, CTX)).toBe(ninjsText(b, CTX));
    expect(ninjsText(a, CTX)).toMatch(/\}\n$/);
    expect(ninjsText(a, CTX)).not.toMatch(/\n\n$/);
  });
});
