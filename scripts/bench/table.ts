import type { Figure } from './figures.js';

/** The figures as a fixed-width table: one row per metric, "median / p95" per size. */
export function formatTable(figures: readonly Figure[]): string {
  const sizes = [...new Set(figures.map((f) => f.size))].sort((a, b) => a - b);
  const metrics = [...new Set(figures.map((f) => f.metric))];
  const cell = (f: Figure | undefined): string => {
    if (!f) return '—';
    if (f.median === null) return 'pending';
    return f.median === f.p95 ? `${num(f.median)}` : `${num(f.median)} / ${num(f.p95!)}`;
  };
  const unitOf = (m: string): string => figures.find((f) => f.metric === m)!.unit;
  const header = ['metric', 'unit', ...sizes.map((s) => `${s.toLocaleString('en')} (median / p95)`)];
  const rows = metrics.map((m) => [m, unitOf(m), ...sizes.map((s) => cell(figures.find((f) => f.size === s && f.metric === m)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const num = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
