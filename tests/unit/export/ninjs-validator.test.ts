import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateNinjs } from '../../../electron/core/export/ninjs-validator.js';
import { repoPath } from '../parse/helpers.js';

/** Every example document in a vendored IPTC test-suite folder (3.0 and 3.1, as IPTC's runner uses for 3.1). */
function examples(kind: 'fail' | 'pass'): { name: string; doc: unknown }[] {
  const root = repoPath(`tests/fixtures/ninjs-should-${kind}`);
  return ['3.0', '3.1'].flatMap((v) =>
    readdirSync(join(root, v)).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: `${v}/${f}`, doc: JSON.parse(readFileSync(join(root, v, f), 'utf8')) as unknown })));
}

describe('the ninjs validator, checked against the IPTC test suite', () => {
  const shouldFail = examples('fail');
  const shouldPass = examples('pass');

  it('has the suite to check against', () => {
    expect(shouldFail.map((e) => e.name)).toContain('3.1/001_bad_digital_source.json');
    expect(shouldFail.length).toBe(9);
    expect(shouldPass.map((e) => e.name)).toContain('3.1/001_good_digital_source.json');
    expect(shouldPass.length).toBe(28);
  });

  it.each(shouldFail.map((e) => [e.name, e.doc]))('rejects should_fail %s', (_name, doc) => {
    expect(validateNinjs(doc).length).toBeGreaterThan(0);
  });

  it.each(shouldPass.map((e) => [e.name, e.doc]))('accepts should_pass %s', (_name, doc) => {
    expect(validateNinjs(doc)).toEqual([]);
  });

  it('resolves GeoJSON offline and enforces it', () => {
    const place = (geoJSON: unknown) => ({ uri: 'urn:x:1', places: [{ name: 'Kursk', geoJSON }] });
    expect(validateNinjs(place({ type: 'Point', coordinates: [36.19, 51.73] }))).toEqual([]);
    expect(validateNinjs(place({ type: 'Point', coordinates: ['north', 'east'] })).length).toBeGreaterThan(0);
    expect(validateNinjs(place({ type: 'Pointy', coordinates: [1, 2] })).length).toBeGreaterThan(0);
  });

  it('says where and what in each error', () => {
    expect(validateNinjs({ uri: 'not a uri', random: 1, urgency: 0 })).toEqual([
      '/uri must match format "uri"',
      '/urgency must be >= 1',
      '(document) must NOT have unevaluated properties ("random")',
    ]);
    expect(validateNinjs({ headlines: [{ role: 'main' }] })).toEqual([
      '/headlines/0 must have required property \'value\'',
      '(document) must have required property \'uri\'',
    ]);
  });
});
