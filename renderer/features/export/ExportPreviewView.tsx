import { StatusBadge } from '../../components/StatusBadge';
import { useExport } from '../../state/export-store';

/** What the export would hold, from previewExport: counts, every headline in order, and what is missing. */
export function ExportPreviewView() {
  const { preview, previewError, previewLoading } = useExport();
  if (previewError) {
    return (
      <p className="error" role="alert">
        The preview failed: {previewError}
      </p>
    );
  }
  if (!preview) return <p className="muted export-preview-loading">{previewLoading ? 'Working out what is included…' : ''}</p>;
  const { totals } = preview;
  return (
    <section className="export-preview" aria-labelledby="export-preview-title">
      <h3 id="export-preview-title">
        Included: <bdi>{preview.name}</bdi>
      </h3>
      {preview.description && (
        <p className="export-description" dir="auto">
          {preview.description}
        </p>
      )}
      <dl className="export-totals">
        <div>
          <dt>Articles</dt>
          <dd data-testid="export-articles">{totals.articles}</dd>
        </div>
        <div>
          <dt>Rulings</dt>
          <dd title="Claims with a verdict">{totals.rulings}</dd>
        </div>
        <div>
          <dt>Corrected</dt>
          <dd>{totals.corrected}</dd>
        </div>
      </dl>
      {preview.missing.length > 0 && (
        <p className="warn-box">
          {preview.missing.length} article{preview.missing.length === 1 ? ' in this bundle is' : 's in this bundle are'} no longer on the desk and will be
          left out: <code>{preview.missing.slice(0, 5).join(', ')}</code>
          {preview.missing.length > 5 ? ` and ${preview.missing.length - 5} more` : ''}.
        </p>
      )}
      {preview.articles.length === 0 ? (
        <p className="muted">Nothing to export: there are no articles in this choice.</p>
      ) : (
        <ol className="export-headlines" tabIndex={0} aria-label="Articles to export, in order">
          {preview.articles.map((a) => (
            <li key={a.id}>
              <span className="export-headline" dir="auto">
                {a.headline}
              </span>
              <StatusBadge status={a.status} />
              {a.rulings > 0 && (
                <span className="badge">
                  {a.rulings} ruling{a.rulings === 1 ? '' : 's'}
                </span>
              )}
              {a.corrected && <span className="badge corrected-badge">corrected</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
