import { describe, expect, it } from 'vitest';
import { analyseArticle, applyEntityFixes, articleText, CLAIM_THRESHOLD, CLAIM_WEIGHTS, type Entity } from '../../../electron/core/factcheck/index.js';
import { emptyContent, type ArticleContent } from '../../../electron/core/model.js';
import { parseFile, repoPath } from '../parse/helpers.js';

const { parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const seed = parse.articles[0]!.content;
const entities = analyseArticle(seed).entities;
const named = (list: readonly Entity[], name: string) => list.find((e) => e.name === name);
const body = (...paragraphs: string[]): ArticleContent => ({ ...emptyContent('Headline'), paragraphs });

describe('entity clean-up', () => {
  it('strips possessives, titles and nationalities, and splits lists', () => {
    const found = analyseArticle(body('Russian President Vladimir Putin met Ukraine’s envoy in Pyongyang, North Korea, and in Kursk.')).entities;
    expect(found.map((e) => [e.name, e.type])).toEqual([
      ['Vladimir Putin', 'person'],
      ['Ukraine', 'place'],
      ['Pyongyang', 'place'],
      ['North Korea', 'place'],
      ['Kursk', 'place'],
    ]);
  });

  it('keeps two people who share a surname apart', () => {
    const found = analyseArticle(body('Kim Jong Un and Kim Yo Jong met. Kim said little.')).entities;
    expect(found.map((e) => [e.name, e.count])).toEqual(expect.arrayContaining([['Kim Jong Un', 1], ['Kim Yo Jong', 1]]));
    expect(named(found, 'Kim Jong Un')!.aliases).toEqual([]);
  });
});

describe('applyEntityFixes', () => {
  it('removes, retypes and renames without touching the input', () => {
    const before = JSON.stringify(entities);
    const fixed = applyEntityFixes(entities, [
      { name: 'US', type: null },
      { name: 'korean people’s army', type: 'organization', rename: 'KPA' },
      { name: 'Alaska', type: 'place' },
    ]);
    expect(JSON.stringify(entities)).toBe(before);
    expect(named(fixed, 'US')).toBeUndefined();
    expect(named(fixed, 'KPA')).toMatchObject({ type: 'organization', count: 2, aliases: ["Korean People's Army"] });
    expect(fixed).toHaveLength(entities.length - 1);
  });

  it('finds an entity by any alias and merges a rename into an existing entity', () => {
    const fixed = applyEntityFixes(entities, [{ name: 'Trump', type: 'person', rename: 'Vladimir Putin' }]);
    const putin = named(fixed, 'Vladimir Putin')!;
    expect(putin.count).toBe(9 + 2);
    expect(putin.aliases).toEqual(['Donald Trump', 'Putin', 'Trump']);
    expect(putin.anchors.map((a) => a.start)).toEqual([...putin.anchors.map((a) => a.start)].sort((a, b) => a - b));
    expect(named(fixed, 'Donald Trump')).toBeUndefined();
  });

  it('adds a name the tagger missed when the article text is given, and ignores unknown names otherwise', () => {
    const { text } = articleText(seed);
    expect(applyEntityFixes(entities, [{ name: 'Korean People', type: 'organization' }])).toEqual(entities);
    const added = applyEntityFixes(entities, [{ name: 'Alaska summit', type: 'organization' }], text);
    expect(named(added, 'Alaska summit')).toMatchObject({ type: 'organization', count: 1 });
  });

  it('is replayed by analyseArticle, so a removed entity no longer counts as a claim’s reason', () => {
    const plain = analyseArticle(seed);
    const fixed = analyseArticle(seed, { entityFixes: [{ name: 'Alaska', type: null }] });
    expect(named(fixed.entities, 'Alaska')).toBeUndefined();
    const headline = (a: typeof plain) => a.claims.find((c) => c.field === 'headline');
    expect(headline(plain)!.reasons).toContain('named entity: Alaska');
    expect(headline(fixed)?.reasons ?? []).not.toContain('named entity: Alaska');
  });
});

describe('claims', () => {
  it('weighs each kind of feature as published', () => {
    expect(CLAIM_WEIGHTS).toEqual({ number: 2, date: 2, attribution: 2, comparison: 2, superlative: 2, 'named entity': 1, 'statement of fact': 1 });
    expect(CLAIM_THRESHOLD).toBe(3);
  });

  it('finds numbers, comparisons, superlatives and attributions, with their weights', () => {
    const [c] = analyseArticle(body('More than 1,200 people died, the deadliest toll in years, according to officials.')).claims;
    expect(c!.reasons).toEqual(['number: 1,200', 'attribution: according to', 'comparison: more than', 'superlative: deadliest']);
    expect(c!.score).toBe(8);
  });

  it('does not propose questions or sentences without checkable content', () => {
    const found = analyseArticle(body('Will 2,000 troops really be enough? The mood was tense and quiet.')).claims;
    expect(found).toEqual([]);
  });

  it('does not call a prediction a statement of fact', () => {
    const [c] = analyseArticle(body('Joe Biden is expected to visit Berlin and Paris.')).claims;
    expect(c!.reasons).toEqual(['named entity: Joe Biden', 'named entity: Berlin', 'named entity: Paris']);
    expect(c!.score).toBe(3 * CLAIM_WEIGHTS['named entity']);
    const [fact] = analyseArticle(body('Joe Biden visited Berlin and Paris.')).claims;
    expect(fact!.reasons).toEqual(['named entity: Joe Biden', 'named entity: Berlin', 'named entity: Paris', 'statement of fact: visited']);
  });
});
