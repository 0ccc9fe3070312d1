import { useEffect, useRef } from 'react';
import { useExport } from '../../state/export-store';
import { KIND_LABELS } from './export-options';

const PHASES = { reading: 'Reading articles', writing: 'Writing the file', done: 'Finishing' } as const;

/** The bar follows the desk's export-progress events for this job; before the first, it is indeterminate. */
export function ExportProgressView() {
  const { progress, kind, preview } = useExport();
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const total = progress?.total ?? 0;
  return (
    <div className="export-progress" ref={ref} tabIndex={-1}>
      <p>
        Exporting {preview ? <>“<bdi>{preview.name}</bdi>”</> : 'the articles'} as {KIND_LABELS[kind].label.toLowerCase()}…
      </p>
      <progress max={total || undefined} value={progress && total ? progress.done : undefined} aria-label="Export progress" />
      <p className="muted" aria-live="polite">
        {progress ? `${PHASES[progress.phase]}: ${progress.done} of ${progress.total}` : 'Starting…'}
      </p>
    </div>
  );
}
