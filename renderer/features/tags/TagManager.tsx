import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useList } from '../../state/list-store';
import { useTags } from '../../state/tags-store';
import { BatchNotice } from '../selection/BatchNotice';

/** Opens the desk's tag list: counts, and renaming or merging a tag on every article in one undoable step. */
export function TagManagerButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="manage-tags" onClick={() => setOpen(true)} title="Rename or merge tags across the desk">
        Tags…
      </button>
      {open && <TagManager onClose={() => setOpen(false)} />}
    </>
  );
}

/** One empty list, so that the selector below returns the same value while the desk has no facets yet. */
const NO_TAGS: readonly { name: string; count: number }[] = [];

function TagManager({ onClose }: { onClose(): void }) {
  const tags = useList((s) => s.facets?.tags ?? NO_TAGS);
  const { renameError, clearErrors } = useTags();
  const [renaming, setRenaming] = useState<string | null>(null);

  return (
    <Dialog
      title="Tags on the desk"
      className="tag-manager"
      onClose={() => {
        clearErrors();
        onClose();
      }}
    >
      <p className="muted">
        Renaming changes the tag on every article that has it, in one step that Undo takes back. Renaming onto a tag that already exists merges the two.
        Tags match whatever their case.
      </p>
      {tags.length === 0 ? (
        <p className="muted">No article is tagged yet.</p>
      ) : (
        <table className="tag-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Articles</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map((t) => (
              <tr key={t.name}>
                <td>
                  <span className="tag" dir="auto">
                    {t.name}
                  </span>
                </td>
                <td className="num">{t.count}</td>
                <td>
                  {renaming === t.name ? (
                    <RenameForm
                      from={t.name}
                      onDone={() => setRenaming(null)}
                    />
                  ) : (
                    <button
                      onClick={() => {
                        clearErrors();
                        setRenaming(t.name);
                      }}
                      aria-label={`Rename or merge ${t.name}`}
                    >
                      Rename…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renameError && (
        <p className="error" role="alert">
          {renameError}
        </p>
      )}
      <BatchNotice />
    </Dialog>
  );
}

function RenameForm({ from, onDone }: { from: string; onDone(): void }) {
  const { rename, busy } = useTags();
  const [to, setTo] = useState(from);
  const submit = async (): Promise<void> => {
    if (await rename(from, to)) onDone();
  };
  return (
    <div className="rename-form">
      <input
        aria-label={`New name for ${from}`}
        value={to}
        autoFocus
        onChange={(e) => setTo(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <button onClick={() => void submit()} disabled={busy}>
        Rename
      </button>
      <button onClick={onDone} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
