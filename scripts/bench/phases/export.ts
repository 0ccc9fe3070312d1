import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';
import { timeBundleExport } from '../export-bundle.js';

/** The export figure: a bundle archive (ninjs and Markdown) of 10,000 articles, or all of a smaller desk. */
export async function exportPhase(params: PhaseParams): Promise<Samples[]> {
  const seconds = await timeBundleExport(params.deskDir, Math.min(params.size, 10_000), params.workDir);
  return [seconds === null ? { metric: 'export', unit: 's', values: [], pending: true } : { metric: 'export', unit: 's', values: [seconds] }];
}
