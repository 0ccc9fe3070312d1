import type { Revision } from '../core/model.js';

/** One line of `copydesk history --json`: exactly these seven keys, whatever else the store keeps. */
export interface HistoryEntry {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  editor: string;
  at: string;
}

export const toHistoryEntry = ({ id, field, before, after, reason, editor, at }: Revision): HistoryEntry => ({ id, field, before, after, reason, editor, at });

/** What a revision did, in the words the confirming lines use: "headline correction", "status change". */
export function changeName(field: string): string {
  if (field === 'status') return 'status change';
  if (field === 'tags') return 'tag change';
  if (field === 'article') return 'article revert';
  return `${field} correction`;
}

/** A field's value on one line for people: text quoted and cut short, lists joined, nothing as "—". */
export function brief(value: unknown, max = 48): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return JSON.stringify(cut(value, max));
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : cut(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', '), max);
  if (typeof value === 'object' && 'raw' in value && typeof value.raw === 'string') return JSON.stringify(cut(value.raw, max));
  return cut(JSON.stringify(value), max);
}

const cut = (text: string, max: number): string => {
  const flat = text.replace(/\s+/gu, ' ');
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
};
