import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/core/parse/seed-text.js';
import { codes, parseFile, repoPath } from './helpers.js';

const { text, encoding, parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const [first, second] = parse.articles;

describe('the real seed 000_9aa4e691ff5375b9.txt', () => {
  it('decodes as plain UTF-8 and holds exactly two articles and no file warnings', () => {
    expect(encoding).toBe('utf-8');
    expect(parse.articles).toHaveLength(2);
    expect(parse.warnings).toEqual([]);
  });

  it('article 1: Putin and Kim', () => {
    const c = first!.content;
    expect(c.headline).toBe('Putin, North Korea’s Kim in phone call ahead of Alaska summit');
    expect(c.caption).toBe(
      'North Korean leader Kim Jong Un holds a call with Russian President Vladimir Putin, in Pyongyang, North Korea, in this picture released by the Korean Central News Agency on August 13, 2025.',
    );
    expect(c.caption!.startsWith('North Korean leader Kim Jong Un holds a call')).toBe(true);
    expect(c.credit).toBe('REUTERS');
    expect(c.updated).toEqual({ raw: 'Updated 13 August 2025', date: '2025-08-13', relative: false });
    expect(c.highlights).toHaveLength(2);
    expect(c.highlights[0]).toMatch(/^Putin expressed appreciation for “the self-sacrificing spirit/u);
    expect(c.highlights[1]).toBe('The two countries signed a mutual defense pact last year, when Putin visited the reclusive state');
    expect(c.byline).toBeNull();
    expect(c.dateline).toBe('SEOUL');
    expect(c.datelineText).toBe('SEOUL:');
    expect(c.paragraphs).toHaveLength(8);
    expect(c.paragraphs[0]!.startsWith('Russian President Vladimir Putin and North Korea’s leader Kim Jong Un')).toBe(true);
    expect(c.paragraphs[7]).toBe(
      'North Korea confirmed for the first time in April that it had deployed a contingent of its soldiers to the front line in Ukraine, alongside Russian troops.',
    );
    expect(first!.warnings).toEqual([]);
  });

  it('article 2: Pakistan and Afghanistan, with a relative Updated line', () => {
    const c = second!.content;
    expect(c.headline).toBe('Pakistan, Afghanistan exchange heavy fire along border, officials say');
    expect(c.caption).toBeNull();
    expect(c.credit).toBeNull();
    expect(c.updated).toEqual({ raw: 'Updated 7 sec ago', date: null, relative: true });
    expect(codes(second!.warnings)).toEqual(['relative-date']);
    expect(c.highlights).toEqual([
      'Mujahid said Pakistani forces launched attacks in Spin Boldak district of Kandahar province',
      '“Pakistan remains fully alert and committed to ensuring its territorial integrity and the safety of our citizens,” Zaidi said',
    ]);
    expect(c.byline).toBeNull();
    expect(c.dateline).toBe('KABUL');
    expect(c.datelineText).toBe('KABUL:');
    expect(c.paragraphs).toHaveLength(8);
    expect(c.paragraphs[0]!.startsWith('Pakistan and Afghanistan exchanged heavy fire')).toBe(true);
    // The fifth paragraph is hard-wrapped in the file; it must come back as one paragraph.
    expect(c.paragraphs[4]).toBe(
      'The exchange came two days after a new round of peace talks between the South Asian neighbors ended without a breakthrough, though both sides agreed to continue their fragile ceasefire.',
    );
    expect(c.paragraphs.filter((p) => p.includes('South Asian neighbors ended without a breakthrough'))).toHaveLength(1);
  });

  it('gives each article provenance that slices back to its own text', () => {
    parse.articles.forEach((a, i) => {
      expect(a.index).toBe(i);
      expect(a.start).toBeGreaterThanOrEqual(0);
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.end).toBeLessThanOrEqual(text.length);
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/u);
      expect(a.sha256).toBe(sha256(text.slice(a.start, a.end)));
    });
    expect(text.slice(first!.start, first!.end).startsWith(first!.content.headline)).toBe(true);
    expect(text.slice(second!.start, second!.end).startsWith(second!.content.headline)).toBe(true);
    expect(first!.end).toBeLessThanOrEqual(second!.start);
    // Article 1 runs to its last paragraph; the blank lines between the articles belong to neither.
    expect(text.slice(first!.start, first!.end).endsWith('alongside Russian troops.')).toBe(true);
    expect(text.slice(second!.start, second!.end).endsWith('took power in Afghanistan in 2021.')).toBe(true);
  });

  it('hashes with SHA-256 over the exact slice', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(first!.sha256).not.toBe(second!.sha256);
  });
});
