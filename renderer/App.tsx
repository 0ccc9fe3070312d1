import { useEffect, useRef, useState } from 'react';
import { deskApi } from './api';
import { StateMessage } from './components/StateMessage';
import { ImportButtons, ImportStatus } from './features/import/ImportPanel';
import { ArticleList } from './features/list/ArticleList';
import { FilterBar } from './features/list/FilterBar';
import { SearchBox } from './features/list/SearchBox';
import { Reader } from './features/reader/Reader';
import { BulkBar } from './features/selection/BulkBar';
import { EditorButton } from './features/settings/SettingsDialog';
import { useImport } from './state/import-store';
import { useList } from './state/list-store';
import { useReader } from './state/reader-store';
import { useShortcuts } from './use-shortcuts';

export function App() {
  const search = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const reader = useRef<HTMLElement | null>(null);
  const openId = useReader((s) => s.openId);
  const [dragging, setDragging] = useState(false);
  useShortcuts({ search, list, reader });

  useEffect(() => {
    void useList.getState().reload();
  }, []);

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
      className={`app${openId ? ' reading' : ''}`}
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
        <EditorButton />
      </header>
      <ImportStatus />
      <div className="panes">
        <nav className="list-pane" aria-label="Article list">
          <FilterBar />
          <BulkBar />
          <ArticleList listRef={list} />
        </nav>
        <main className="reader-pane">
          {openId ? (
            <Reader readerRef={reader} />
          ) : (
            <StateMessage kind="empty" title="Choose an article">
              Move with j and k (or the arrow keys), press Enter to open, Esc to come back, and / to search. Space selects articles for a change to all of them at once.
            </StateMessage>
          )}
        </main>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop seed files to import them
        </div>
      )}
    </div>
  );
}
