import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { firstPageAnswered } from '../../state/list-store';
import { useSettings } from '../../state/settings-store';
import { type DraftVerdict, fromDraft, sameScale, toDraft } from './scale-draft';
import { VerdictScaleEditor } from './VerdictScaleEditor';

/** In the top bar: who is signing the revisions, and the way to change it. */
export function EditorButton() {
  const { settings, open, load, setOpen } = useSettings();
  // The editor's name can wait for the list's first rows, which the desk then answers first.
  useEffect(() => {
    void firstPageAnswered.then(load);
  }, [load]);
  return (
    <>
      <button className="editor-button" onClick={() => setOpen(true)} aria-label={`Editor ${settings?.editorName ?? '…'} (settings)`} title="Who signs your changes">
        <span className="muted">Editor </span>
        {settings?.editorName ?? '…'}
      </button>
      {open && settings && <SettingsDialog />}
    </>
  );
}

function SettingsDialog() {
  const { settings, busy, error, save, setOpen } = useSettings();
  const [editorName, setEditorName] = useState(settings?.editorName ?? '');
  const [organizationName, setOrganizationName] = useState(settings?.organizationName ?? '');
  const [scale, setScale] = useState<DraftVerdict[]>(() => toDraft(settings?.verdicts ?? []));
  const [scaleError, setScaleError] = useState<string | null>(null);

  return (
    <Dialog title="Settings" className="settings" onClose={() => setOpen(false)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const checked = fromDraft(scale);
          if ('error' in checked) {
            setScaleError(checked.error);
            return;
          }
          setScaleError(null);
          // Only a changed scale is sent, so an untouched desk keeps following the default.
          const verdicts = settings && sameScale(checked.scale, settings.verdicts) ? undefined : checked.scale;
          void save({ editorName, organizationName, ...(verdicts ? { verdicts } : {}) });
        }}
      >
        <div className="stacked">
          <label htmlFor="settings-editor">Editor name</label>
          <input
            id="settings-editor"
            value={editorName}
            onChange={(e) => setEditorName(e.target.value)}
            maxLength={100}
            required
            data-autofocus
            autoComplete="name"
            aria-describedby="settings-editor-hint"
          />
          <small id="settings-editor-hint" className="muted">
            Signs every change you make on this desk, in its history.
          </small>
        </div>
        <div className="stacked">
          <label htmlFor="settings-org">Organization</label>
          <input
            id="settings-org"
            value={organizationName}
            onChange={(e) => setOrganizationName(e.target.value)}
            maxLength={200}
            autoComplete="organization"
            aria-describedby="settings-org-hint"
          />
          <small id="settings-org-hint" className="muted">
            Named as the publisher of exported fact-checks.
          </small>
        </div>
        <VerdictScaleEditor rows={scale} onChange={setScale} />
        {(scaleError ?? error) && (
          <p className="error" role="alert">
            {scaleError ?? error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={() => setOpen(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
