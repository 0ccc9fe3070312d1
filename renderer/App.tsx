import { useRef, useState } from 'react';
import { deskApi } from './api';
import { StateMessage } from './components/StateMessage';
import { BundleDialogs } from './features/bundles/BundleDialogs';
import { BundleReturnBar } from './features/bundles/BundleReturnBar';
import { BundlesPanel } from './features/bundles/BundlesPanel';
import { BundlesToggle } from './features/bundles/BundlesToggle';
import { ExportButton } from './features/export/ExportButton';
import { ExportDialog } from './features/export/ExportDialog';
import { ImportButtons, ImportStatus } from './features/import/ImportPanel';
import { DeskNotices } from './features/notices/DeskNotices';
import { ArticleList } from './features/list/ArticleList';
import { FilterBar } from './features/list/FilterBar';
import { SearchBox } from './features/list/SearchBox';
import { Reader } from './features/reader/Reader';
import { BulkBar } from './features/selection/BulkBar';
import { EditorButton } from './features/settings/SettingsDialog';
import { useBundles } from './state/bundles-store';
import { useImport } from './state/import-store';
import { useReader } from './state/reader-store';
import { useShortcuts } from './use-shortcuts';

export function App() {
  const search = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const reader = useRef<HTMLElement | null>(null);
  const openId = useReader((s) => s.openId);
  const showBundles = useBundles((s) => s.view === 'bundles');
  const [dragging, setDragging] = useState(false);
  useShortcuts({ search, list, reader });

  if (!deskApi) {
    return (
      <main className="app">
        <StateMessage kind="error" title="Copydesk needs its access token">
          This page was opened without the secret token. Open the exact URL that <code>copydesk serve</code> printed.
        </StateMessage>
      </main>
    );
  }

  return (
    <div
      className={`app${openId && !showBundles ? ' reading' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void useImport.getState().importFiles([...e.dataTransfer.files]);
      }}
    >
      <header className="topbar">
        <span className="brand">Copydesk</span>
        <SearchBox inputRef={search} />
        <ImportButtons />
        <BundlesToggle />
        <ExportButton />
        <EditorButton />
      </header>
      <DeskNotices />
      <ImportStatus />
      <div className="panes">
        <nav className="list-pane" aria-label="Article list">
          <FilterBar />
          <BulkBar />
          <ArticleList listRef={list} />
        </nav>
        <main className="reader-pane">
          {showBundles ? (
            <BundlesPanel />
          ) : openId ? (
            <>
              <BundleReturnBar />
              <Reader readerRef={reader} />
            </>
          ) : (
            <StateMessage kind="empty" title="Choose an article">
              Move with j and k (or the arrow keys), press Enter to open, Esc to come back, and / to search. Space selects articles for a change to all of them at once.
            </StateMessage>
          )}
        </main>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop seed files or bundles to import them
        </div>
      )}
      <BundleDialogs />
      <ExportDialog />
    </div>
  );
}
