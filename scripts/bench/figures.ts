/**
 * What the benchmark reports: one figure per size and metric, in the JSON shape the issue fixes
 * (`{size, metric, median, p95, unit}`). A metric not measurable yet (the bundle export) carries nulls and is
 * printed as "pending".
 */
export type Unit = 'ms' | 's' | 'MB/s' | 'MB' | 'articles/s' | 'ratio' | 'count';

export interface Figure {
  size: number;
  metric: string;
  median: number | null;
  p95: number | null;
  unit: Unit;
}

/** Raw measurements as a phase sends them; samples of one metric from several processes are pooled. */
export interface Samples {
  metric: string;
  unit: Unit;
  values: number[];
  /** True for rates, where the bad tail is the slow end: "p95" is then the rate 95% of samples reached. */
  higherIsBetter?: boolean;
  /** Set when the metric cannot be measured yet (values is then empty). */
  pending?: boolean;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(size: number, s: Samples): Figure {
  if (s.pending || s.values.length === 0) return { size, metric: s.metric, median: null, p95: null, unit: s.unit };
  const sorted = [...s.values].sort((a, b) => a - b);
  return {
    size,
    metric: s.metric,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, s.higherIsBetter ? 5 : 95)),
    unit: s.unit,
  };
}

/** Pools the samples of each metric (several cold opens, say) in first-seen order. */
export function pool(batches: readonly Samples[]): Samples[] {
  const byMetric = new Map<string, Samples>();
  for (const s of batches) {
    const seen = byMetric.get(s.metric);
    if (seen) seen.values.push(...s.values);
    else byMetric.set(s.metric, { ...s, values: [...s.values] });
  }
  return [...byMetric.values()];
}

const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000);
