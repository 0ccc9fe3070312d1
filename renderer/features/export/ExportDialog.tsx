import { useEffect } from 'react';
import { Dialog } from '../../components/Dialog';
import { useBundles } from '../../state/bundles-store';
import { useExport } from '../../state/export-store';
import { useSettings } from '../../state/settings-store';
import { ExportFormatPicker } from './ExportFormatPicker';
import { ExportPreviewView } from './ExportPreviewView';
import { ExportProgressView } from './ExportProgressView';
import { ExportResultView } from './ExportResultView';
import { ExportTargetPicker } from './ExportTargetPicker';
import { needsOrganisation } from './export-options';

/** Mounted once by the app; shown while an export is being chosen, made or collected. */
export function ExportDialog() {
  const open = useExport((s) => s.open);
  const phase = useExport((s) => s.phase);
  const close = useExport((s) => s.close);
  if (!open) return null;
  return (
    <Dialog title="Export" className="export-dialog" onClose={close}>
      {phase === 'running' ? <ExportProgressView /> : phase === 'done' ? <ExportResultView /> : <ExportChoices />}
    </Dialog>
  );
}

/** The choices, the preview beside them, and what stands in the way of exporting, with the way to fix it. */
function ExportChoices() {
  const { kind, formats, preview, phase, error, run, close, toggleFormat } = useExport();
  const settings = useSettings((s) => s.settings);
  const bundlesLoaded = useBundles((s) => s.bundles !== null);
  useEffect(() => {
    }, [bundlesLoaded]);
  const noOrg = needsOrganisation(kind, formats, preview?.totals.rulings ?? 0, settings?.organizationName);
  const empty = preview !== null && preview.totals.articles === 0;
  const blocked = !preview || empty || noOrg || (kind === 'bundle' && formats.size === 0);
  const settingsFix = error !== null && /settings/i.test(error);

  return (
    <form
      className="export-choices"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) void run();
      }}
    >
      <div className="export-columns">
        <div className="export-options">
          <ExportTargetPicker />
          <ExportFormatPicker />
        </div>
        <ExportPreviewView />
      </div>
      {noOrg && (
        <div className="warn-box" role="alert" id="export-blocked">
          <p>
            ClaimReview names your organisation as the author of each fact-check, and no organisation is set. Set it in Settings, or leave
            ClaimReview out of this archive.
          </p>
          <div className="warn-actions">
            <button type="button" onClick={() => useSettings.getState().setOpen(true)}>
              Open Settings
            </button>
            <button type="button" onClick={() => toggleFormat('claimreview', false)}>
              Leave ClaimReview out
            </button>
          </div>
        </div>
      )}
      {phase === 'failed' && error && (
        <div className="error-box" role="alert">
          <p>
            <strong>The export failed:</strong> {error}
          </p>
          {settingsFix && (
            <button type="button" onClick={() => useSettings.getState().setOpen(true)}>
              Open Settings
            </button>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={blocked} aria-describedby={noOrg ? 'export-blocked' : undefined}>
          Export
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
