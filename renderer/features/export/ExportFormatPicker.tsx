import { useExport } from '../../state/export-store';
import { ARCHIVE_FORMATS, ARCHIVE_FORMAT_LABELS, type ExportKind, KIND_LABELS, makesCsv } from './export-options';

const KINDS: ExportKind[] = ['bundle', 'html', 'csv'];

/** The file to make, and for a bundle archive the formats inside it; CSV can start with a BOM for Excel. */
export function ExportFormatPicker() {
  const { kind, formats, bom, setKind, toggleFormat, setBom } = useExport();
  return (
    <fieldset className="choice-group export-format">
      <legend>Format</legend>
      {KINDS.map((k) => (
        <div key={k} className="format-choice">
          <label>
            <input type="radio" name="export-kind" value={k} checked={kind === k} onChange={() => setKind(k)} aria-describedby={`export-kind-${k}-hint`} />
            {KIND_LABELS[k].label} <span className="muted">({KIND_LABELS[k].extension})</span>
          </label>
          <small id={`export-kind-${k}-hint`} className="muted">
            {KIND_LABELS[k].hint}
          </small>
          {k === 'bundle' && kind === 'bundle' && (
            <fieldset className="archive-formats">
              <legend>Inside the archive</legend>
              {ARCHIVE_FORMATS.map((f) => (
                <label key={f} title={ARCHIVE_FORMAT_LABELS[f].hint}>
                  <input type="checkbox" checked={formats.has(f)} onChange={(e) => toggleFormat(f, e.target.checked)} />
                  {ARCHIVE_FORMAT_LABELS[f].label}
                </label>
              ))}
              {formats.size === 0 && (
                <p className="error" role="alert">
                  Choose at least one format to put in the archive.
                </p>
              )}
            </fieldset>
          )}
        </div>
      ))}
      {makesCsv(kind, formats) && (
        <div className="format-choice bom">
          <label>
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} aria-describedby="export-bom-hint" />
            UTF-8 BOM for Excel
          </label>
          <small id="export-bom-hint" className="muted">
            Starts the CSV with a byte order mark, without which Excel misreads accents and non-Latin scripts
          </small>
        </div>
      )}
    </fieldset>
  );
}
