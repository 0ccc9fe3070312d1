import { useRef } from 'react';
import { deskApi } from '../../api';
import { useImport } from '../../state/import-store';

/** The import button(s); in a browser, a file chooser whose bytes are sent to the desk one file at a time. */
export function ImportButtons() {
  const inputRef = useRef<HTMLInputElement | null>(null);
  const { importFiles, importNative, phase } = useImport();
  const busy = phase === 'running';
  if (deskApi?.pickImport) {
    return (
      <div className="import-buttons">
        <button onClick={() => void importNative('files')} disabled={busy}>
          Import files…
        </button>
        <button onClick={() => void importNative('folder')} disabled={busy}>
          Import folder…
        </button>
      </div>
    );
  }
  return (
    <div className="import-buttons">
      <button onClick={() => inputRef.current?.click()} disabled={busy}>
        Import files…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept=".txt,text/plain"
        hidden
        aria-label="Seed files to import"
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(files);
        }}
      />
    </div>
  );
}

/** Progress while an import runs, then what happened to every file, errors first. */
export function ImportStatus() {
  const { phase, done, total, current, result, error, dismiss } = useImport();
  if (phase === 'idle') return null;
  const files = result ? [...result.files].sort((a, b) => Number(b.error !== null) - Number(a.error !== null)) : [];
  return (
    <section className="import-status" aria-label="Import" aria-live="polite">
      {phase === 'running' ? (
        <>
          <h2>Importing{current ? ` ${current}` : ''}…</h2>
          <progress max={total || undefined} value={total ? done : undefined} aria-label="Import progress" />
          {total > 0 && <span className="muted">{done} of {total} files</span>}
        </>
      ) : (
        <>
          <div className="import-head">
            <h2>
              Import finished: {result?.imported ?? 0} imported, {result?.updated ?? 0} updated, {result?.unchanged ?? 0} unchanged
              {result?.failed ? `, ${result.failed} failed` : ''}
            </h2>
            <button onClick={dismiss} aria-label="Close the import report">
              Close
            </button>
          </div>
          {error && <p className="error">{error}</p>}
          <ul className="import-files">
            {files.map((f, i) => (
              <li key={i} className={f.error ? 'failed' : 'ok'}>
                <strong>{f.path.split(/[\\/]/).pop()}</strong>{' '}
                {f.error ? <span className="error">{f.error}</span> : <span>{f.articles} article{f.articles === 1 ? '' : 's'}</span>}
                {f.warnings.length > 0 && (
                  <ul>
                    {f.warnings.map((w, j) => (
                      <li key={j} className="warning">
                        {w}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
