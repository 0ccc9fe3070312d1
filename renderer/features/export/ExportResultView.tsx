import { useEffect, useRef, useState } from 'react';
import { deskApi } from '../../api';
import { useExport } from '../../state/export-store';
import { ARCHIVE_FORMAT_LABELS, KIND_LABELS, formatBytes, orderedFormats } from './export-options';

/** The finished file: name, size, SHA-256 to check a copy against, and the way to save or download it again. */
export function ExportResultView() {
  const { result, formats, saved, saving, saveError, save, again, close } = useExport();
  const heading = useRef<HTMLHeadingElement | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!result) return null;
  const browser = deskApi?.transport === 'http';

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(result.sha256);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <div className="export-result">
      <h3 ref={heading} tabIndex={-1}>
        <span className="export-done-mark" aria-hidden="true">
          ✓
        </span>{' '}
        Exported {result.articles} article{result.articles === 1 ? '' : 's'}
      </h3>
      <progress max={1} value={1} aria-label="Export progress" />
      <dl className="export-facts">
        <div>
          <dt>File</dt>
          <dd>
            <code data-testid="export-file-name">{result.fileName}</code>
          </dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>
            {KIND_LABELS[result.format].label}
            {result.format === 'bundle' && <span className="muted"> with {orderedFormats(formats).map((f) => ARCHIVE_FORMAT_LABELS[f].label).join(', ')}</span>}
          </dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>
            {formatBytes(result.size)}
            {result.size >= 1024 && <span className="muted"> ({result.size.toLocaleString()} bytes)</span>}
          </dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="sha-line">
            <code className="sha" data-testid="export-sha256">
              {result.sha256}
            </code>
            <button className="tool text" onClick={() => void copy()} aria-label="Copy the SHA-256">
              Copy
            </button>
            <span className="muted" role="status">
              {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copying is blocked here: select the text instead' : ''}
            </span>
          </dd>
        </div>
        {result.missing.length > 0 && (
          <div>
            <dt>Left out</dt>
            <dd>
              {result.missing.length} missing article{result.missing.length === 1 ? '' : 's'}
            </dd>
          </div>
        )}
      </dl>
      <p className="export-saved" role="status">
        {saving
          ? browser
            ? 'Starting the download…'
            : 'Choose where to save it…'
          : saveError
            ? null
            : saved?.saved
              ? saved.path
                ? `Saved to ${saved.path}`
                : 'Downloaded: look in your browser’s downloads.'
              : saved
                ? 'Not saved yet.'
                : null}
      </p>
      {saveError && (
        <p className="error" role="alert">
          {saveError}
        </p>
      )}
      <div className="dialog-actions">
        <button onClick={again}>Export something else…</button>
        <span className="spacer" />
        <button onClick={() => void save()} disabled={saving}>
          {browser ? 'Download again' : saved?.saved ? 'Save another copy…' : 'Save…'}
        </button>
        <button className="primary" onClick={close}>
          Done
        </button>
      </div>
    </div>
  );
}
