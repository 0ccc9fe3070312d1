import { describe, expect, it } from 'vitest';
import { ExportFileInput } from '../../../electron/core/export/export-inputs.js';
import { ARCHIVE_FORMATS as CORE_FORMATS } from '../../../electron/core/export/formats.js';
import { ARCHIVE_FORMATS, formatBytes, makesCsv, needsOrganisation, newJobId, orderedFormats, toSelection } from '../../../renderer/features/export/export-options.js';

describe('the export dialog’s choices, as the desk’s exportFile takes them', () => {
  it('offers exactly the formats a bundle archive can carry, in the core’s order', () => {
    expect([...ARCHIVE_FORMATS]).toEqual([...CORE_FORMATS]);
    expect(orderedFormats(new Set(['csv', 'ninjs', 'md']))).toEqual(['ninjs', 'md', 'csv']);
  });

  it('builds inputs the contract accepts, with a job id of the allowed characters', () => {
    const job = newJobId();
    expect(job).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newJobId(() => 'a/b c:d'.repeat(20))).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    for (const selection of [toSelection({ kind: 'bundle', id: 'b0123456789' }), toSelection({ kind: 'selection', ids: ['x', 'y'] }), toSelection({ kind: 'all' })]) {
      expect(ExportFileInput.safeParse({ selection, format: 'bundle', formats: orderedFormats(new Set(ARCHIVE_FORMATS)), bom: true, job }).success).toBe(true);
    }
  });

  it('asks about the BOM only when a CSV is made, and stops ClaimReview without an organisation only when there are rulings', () => {
    expect(makesCsv('csv', new Set())).toBe(true);
    expect(makesCsv('bundle', new Set(['csv']))).toBe(true);
    expect(makesCsv('bundle', new Set(['ninjs']))).toBe(false);
    expect(makesCsv('html', new Set(['csv']))).toBe(false);
    const all = new Set(ARCHIVE_FORMATS);
    expect(needsOrganisation('bundle', all, 1, '')).toBe(true);
    expect(needsOrganisation('bundle', all, 1, '   ')).toBe(true);
    expect(needsOrganisation('bundle', all, 1, 'Desk Check')).toBe(false);
    expect(needsOrganisation('bundle', all, 0, '')).toBe(false);
    expect(needsOrganisation('bundle', new Set(['ninjs'] as const), 3, '')).toBe(false);
    expect(needsOrganisation('html', all, 3, '')).toBe(false);
  });

  it('says sizes the way a person reads them', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(18_139)).toBe('18 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
