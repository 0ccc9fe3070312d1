import { describe, expect, it } from 'vitest';
import { addTags, cleanTag, removeTags, renameTag, tagKey } from '../../../electron/core/editorial/tags.js';

describe('tags', () => {
  it('match trimmed and case-folded, but keep the first spelling', () => {
    expect(tagKey('  North-Korea ')).toBe('north-korea');
    expect(addTags(['Russia'], ['russia', 'north-korea', 'NORTH-KOREA'])).toEqual(['Russia', 'north-korea']);
    expect(removeTags(['Russia', 'Economy'], ['RUSSIA'])).toEqual(['Economy']);
  });

  it('are cleaned and refused when empty or over 64 characters', () => {
    expect(cleanTag('  fact   check ')).toBe('fact check');
    expect(() => cleanTag('   ')).toThrow('a tag cannot be empty');
    expect(cleanTag('x'.repeat(64))).toHaveLength(64);
    expect(() => cleanTag('x'.repeat(65))).toThrow(/longer than 64 characters/);
    expect(cleanTag('ب'.repeat(64))).toHaveLength(64);
  });

  it('rename, and merge when the new name is already there', () => {
    expect(renameTag(['dprk', 'asia'], 'DPRK', 'north-korea')).toEqual(['north-korea', 'asia']);
    expect(renameTag(['dprk', 'North-Korea'], 'dprk', 'north-korea')).toEqual(['North-Korea']);
    expect(renameTag(['asia'], 'dprk', 'north-korea')).toEqual(['asia']);
  });
});

describe('tag error messages', () => {
  it('never cut a character in half', () => {
    expect(() => cleanTag('a' + '😀'.repeat(64))).toThrow(`tag "a${'😀'.repeat(19)}…" is longer than 64 characters`);
  });
});
