import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../../electron/core/editorial/operations.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { currentContent, currentState, fold } from '../../../electron/core/revisions.js';
import { makeRecord } from '../../support/records.js';

const actor: ops.Actor = { editor: 'Ana', now: '2026-11-27T10:00:00.000Z' };
const base = (): ArticleRecord => makeRecord(1, { headline: 'Original headline' });

describe('applying revisions', () => {
  it('corrects a field without touching the original', () => {
    const r = ops.correctField(base(), 'headline', 'Corrected headline', 'typo', actor);
    expect(currentContent(r).headline).toBe('Corrected headline');
    expect(r.original.headline).toBe('Original headline');
    expect(r.revisions).toEqual([
      { id: 'r1', op: 'edit', target: null, field: 'headline', before: 'Original headline', after: 'Corrected headline', reason: 'typo', editor: 'Ana', at: actor.now, batch: null },
    ]);
  });

  it('addresses highlights and paragraphs from 1, as editors count', () => {
    const r = ops.correctField(ops.correctField(base(), 'paragraph:2', 'New second.', null, actor), 'highlight:1', 'New highlight', null, actor);
    expect(currentContent(r).paragraphs).toEqual(['First paragraph of article 1.', 'New second.']);
    expect(currentContent(r).highlights).toEqual(['New highlight']);
  });

  it('changes nothing, and records nothing, when the text is the same', () => {
    const r = base();
    expect(ops.correctField(r, 'headline', '  Original headline ', null, actor)).toBe(r);
  });

  it.each([
    ['body', 'x', /cannot correct field "body"/],
    ['paragraph:3', 'x', /paragraph:3 does not exist: the article has 2 paragraphs/],
    ['paragraph:0', 'x', /cannot correct field "paragraph:0"/],
    ['headline', '   ', /the new text for headline is empty/],
    ['headline', null, /the new text for headline is empty/],
  ])('refuses %s = %j', (field, text, message) => {
    expect(() => ops.correctField(base(), field, text, null, actor)).toThrow(message);
  });

  it('clears a nullable field with null and reads a new updated date', () => {
    let r = ops.correctField(base(), 'caption', 'A caption', null, actor);
    r = ops.correctField(r, 'caption', null, 'no photo', actor);
    expect(currentContent(r).caption).toBeNull();
    r = ops.correctField(r, 'updated', '14 August 2025', null, actor);
    expect(currentContent(r).updated).toEqual({ raw: 'Updated 14 August 2025', date: '2025-08-14', relative: false });
  });

  it('inserts and removes paragraphs', () => {
    let r = ops.insertParagraph(base(), 2, 'Inserted.', null, actor);
    expect(currentContent(r).paragraphs).toEqual(['First paragraph of article 1.', 'Inserted.', 'Second paragraph of article 1.']);
    r = ops.removeParagraph(r, 1, 'duplicate', actor);
    expect(currentContent(r).paragraphs).toEqual(['Inserted.', 'Second paragraph of article 1.']);
    expect(() => ops.insertParagraph(r, 4, 'x', null, actor)).toThrow(/positions 1 to 3/);
  });

  it('keeps status, tags, notice and notes as revisions too', () => {
    let r = ops.setStatus(base(), 'in-review', 'starting', actor);
    r = ops.setTags(r, (t) => [...t, 'russia'], actor);
    r = ops.correctField(r, 'correctionNotice', 'An earlier version misstated the date.', null, actor);
    r = ops.correctField(r, 'notes', 'Check with the Seoul bureau.', null, actor);
    expect(currentState(r)).toMatchObject({ status: 'in-review', tags: ['russia'], correctionNotice: 'An earlier version misstated the date.', notes: 'Check with the Seoul bureau.' });
    expect(r.revisions.map((v) => v.field)).toEqual(['status', 'tags', 'correctionNotice', 'notes']);
  });
});

describe('undo, redo and revert', () => {
  it('steps back and forward through edits, recording each step', () => {
    let r = ops.correctField(base(), 'headline', 'Second', null, actor);
    r = ops.correctField(r, 'headline', 'Third', null, actor);
    r = ops.undo(r, actor);
    expect(currentContent(r).headline).toBe('Second');
    r = ops.undo(r, actor);
    expect(currentContent(r).headline).toBe('Original headline');
    expect(() => ops.undo(r, actor)).toThrow('nothing to undo');
    r = ops.redo(r, actor);
    expect(currentContent(r).headline).toBe('Second');
    expect(r.revisions.map((v) => [v.op, v.target])).toEqual([['edit', null], ['edit', null], ['undo', 'r2'], ['undo', 'r1'], ['redo', 'r1']]);
  });

  it('forgets the redo branch after a new edit, but never the history', () => {
    let r = ops.correctField(base(), 'headline', 'Second', null, actor);
    r = ops.undo(r, actor);
    r = ops.correctField(r, 'paragraph:1', 'Other.', null, actor);
    expect(() => ops.redo(r, actor)).toThrow('nothing to redo');
    expect(r.revisions).toHaveLength(3);
  });

  it('reverts a field, and the revert can itself be undone', () => {
    let r = ops.correctField(base(), 'headline', 'Changed', null, actor);
    r = ops.revertField(r, 'headline', actor);
    expect(currentContent(r).headline).toBe('Original headline');
    r = ops.undo(r, actor);
    expect(currentContent(r).headline).toBe('Changed');
  });

  it('reverts the whole article in one undoable step', () => {
    let r = ops.correctField(base(), 'headline', 'Changed', null, actor);
    r = ops.correctField(r, 'paragraph:1', 'Changed too.', null, actor);
    r = ops.revertArticle(r, actor);
    expect(currentContent(r)).toEqual(r.original);
    r = ops.undo(r, actor);
    expect(currentContent(r)).toMatchObject({ headline: 'Changed', paragraphs: ['Changed too.', 'Second paragraph of article 1.'] });
  });

  it('folds to any earlier point for a diff between two revisions', () => {
    let r = ops.correctField(base(), 'headline', 'Second', null, actor);
    r = ops.correctField(r, 'headline', 'Third', null, actor);
    expect(fold(r.original, r.revisions, 1).state.content.headline).toBe('Second');
    expect(fold(r.original, r.revisions, 0).state.content.headline).toBe('Original headline');
  });
});

describe('re-import under a correction', () => {
  it('keeps a correction that still applies, and holds one whose before no longer matches', () => {
    let r = ops.correctField(base(), 'paragraph:1', 'Corrected first.', 'wrong figure', actor);
    r = ops.correctField(r, 'headline', 'Corrected headline', null, actor);
    const previous = r.original;
    // Upstream rewrote paragraph 1 but not the headline.
    r = { ...r, original: { ...r.original, paragraphs: ['Upstream rewrite of the first.', 'Second paragraph of article 1.'] } };
    const f = fold(r.original, r.revisions);
    expect(f.needsReview).toEqual(['r1']);
    expect(f.state.content.paragraphs[0]).toBe('Upstream rewrite of the first.');
    expect(f.state.content.headline).toBe('Corrected headline');

    const flagged = ops.flagChangedUnderCorrections(r, previous, { editor: 'Copydesk (re-import)', now: actor.now });
    expect(currentState(flagged).status).toBe('flagged');
    expect(flagged.revisions.at(-1)).toMatchObject({ field: 'status', after: 'flagged', reason: expect.stringMatching(/1 no longer applies/) });

    const acked = ops.acknowledge(flagged, 'r1', actor);
    expect(fold(acked.original, acked.revisions).needsReview).toEqual([]);
    expect(() => ops.acknowledge(acked, 'r1', actor)).toThrow('r1 is not awaiting review');
  });

  it('does not flag when the original did not change or nothing was corrected', () => {
    const tagged = ops.setTags(base(), () => ['economy'], actor);
    const changed = { ...tagged, original: { ...tagged.original, headline: 'Upstream headline' } };
    expect(ops.flagChangedUnderCorrections(changed, tagged.original, actor)).toBe(changed);
    const corrected = ops.correctField(base(), 'headline', 'X', null, actor);
    expect(ops.flagChangedUnderCorrections(corrected, corrected.original, actor)).toBe(corrected);
  });
});

describe('property: any edits followed by as many undos give back the original', () => {
  const fieldEdit = fc.oneof(
    fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom('headline', 'caption', 'credit', 'byline', 'dateline', 'highlight:1', 'paragraph:1', 'paragraph:2'), text: fc.string({ minLength: 1, maxLength: 30 }) }),
    fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('new', 'in-review', 'checked', 'approved', 'flagged', 'spiked' as const) }),
    fc.record({ kind: fc.constant('tags' as const), tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('insert' as const), text: fc.string({ minLength: 1, maxLength: 20 }) }),
    fc.record({ kind: fc.constant('remove' as const) }),
    fc.record({ kind: fc.constant('revert' as const) }),
  );

  it('holds for random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(fieldEdit, { maxLength: 25 }), (edits) => {
        let r = base();
        const start = currentState(r);
        let applied = 0;
        for (const e of edits) {
          const before = r;
          try {
            if (e.kind === 'field') r = ops.correctField(r, e.field, e.text, null, actor);
            else if (e.kind === 'status') r = ops.setStatus(r, e.status, null, actor);
            else if (e.kind === 'tags') r = ops.setTags(r, () => e.tags, actor);
            else if (e.kind === 'insert') r = ops.insertParagraph(r, 1, e.text, null, actor);
            else if (e.kind === 'remove') r = ops.removeParagraph(r, 1, null, actor);
            else r = ops.revertArticle(r, actor);
          } catch {
            continue; // an edit the article cannot take (empty text, no paragraph left) records nothing
          }
          if (r !== before) applied++;
        }
        for (let i = 0; i < applied; i++) r = ops.undo(r, actor);
        expect(currentState(r)).toEqual(start);
        expect(() => ops.undo(r, actor)).toThrow('nothing to undo');
        // ...and as many redos give back the last state, exactly.
        for (let i = 0; i < applied; i++) r = ops.redo(r, actor);
        expect(fold(r.original, r.revisions).redoable).toEqual([]);
      }),
      { numRuns: 300, seed: 20251127 },
    );
  });
});
