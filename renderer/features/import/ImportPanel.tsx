import { useRef } from 'react';
import { deskApi } from '../../api';
import { useImport } from '../../state/import-store';

/** What the chooser offers: seed files, and bundle archives (the desk knows an archive by its zip signature). */
const ACCEPT = '.txt,text/plain,.cdbundle,.zip,application/zip,application/vnd.copydesk.bundle+zip';

/** The import button(s); in a browser, a file chooser whose bytes are sent to the desk one file at a time. */
export function ImportButtons() {
  const inputRef = useRef<HTMLInputElement | null>(null);
  const { importFiles, importNative, phase } = useImport();
  const busy = phase === 'running';
  if (deskApi?.pickImport) {
    return (
      <div className="import-buttons">
        <button onClick={() => void importNative('files')} disabled={busy} title="Seed files (.txt) or bundle archives (.cdbundle, .zip)">
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
      <button onClick={() => inputRef.current?.click()} disabled={busy} title="Seed files (.txt) or bundle archives (.cdbundle, .zip)">
        Import files…
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Seed files to import, or bundle archives"
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
          {files.filter(isRefusedArchive).map((f, i) => (
            <RefusedArchive key={i} path={f.path} error={f.error!} />
          ))}
          <ul className="import-files">
            {files.map((f, i) => (
              <li key={i} className={f.error ? 'failed' : 'ok'}>
                <strong>{baseName(f.path)}</strong>{' '}
                {f.error ? (
                  <span className="error">{isRefusedArchive(f) ? 'refused (see above)' : f.error}</span>
                ) : (
                  <span>
                    {isArchive(f) ? 'bundle archive, ' : ''}
                    {f.articles} article{f.articles === 1 ? '' : 's'}
                  </span>
                )}
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

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The desk reports an archive like any file; its name, or the words of its refusal, say it was one. */
const isArchive = (f: { path: string; error: string | null }): boolean =>
  /\.(cdbundle|zip)$/i.test(f.path) || /bundle refused|not a Copydesk bundle/i.test(f.error ?? '');

const isRefusedArchive = (f: { path: string; error: string | null }): boolean => f.error !== null && isArchive(f);

/**
 * A refused archive is all-or-nothing: said on its own, above the file list, with the desk's reason (a checksum
 * that does not match, an entry that escapes its folder…) and the reassurance that nothing changed.
 */
function RefusedArchive({ path, error }: { path: string; error: string }) {
  const prefix = `cannot import ${path}: `;
  const reason = (error.startsWith(prefix) ? error.slice(prefix.length) : error).replace(/^bundle refused: /, '');
  return (
    <div className="archive-refused" role="alert">
      <h3>
        Bundle refused: <bdi>{baseName(path)}</bdi>
      </h3>
      <p>{reason}</p>
      <p className="muted">Nothing from it was imported; the desk is as it was.</p>
    </div>
  );
}
