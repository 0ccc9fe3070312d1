import { useRef } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { type SideTab, useHistory } from '../../state/history-store';
import { useReader } from '../../state/reader-store';
import { DiffView } from '../history/DiffView';
import { FactcheckPanel } from '../factcheck/FactcheckPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { SourcePane } from './SourcePane';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'source', label: 'Source' },
  { id: 'changes', label: 'Changes' },
  { id: 'history', label: 'History' },
  { id: 'factcheck', label: 'Fact-check' },
];

/** Beside the text: the seed file as it stands, the diff view, the revision history, or the fact-check. Arrow keys move between tabs. */
export function SidePanel({ article }: { article: ArticleView }) {
  const { tab, setTab } = useHistory();
  const focus = useReader((s) => s.focus);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const counts: Partial<Record<SideTab, number>> = { history: article.revisions.length };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    setTab(TABS[j]!.id);
    tabs.current[j]?.focus();
  };

  return (
    <div className="side">
      <div className="tabs" role="tablist" aria-label="Beside the article" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="side-panel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {counts[t.id] ? <span className="count"> {counts[t.id]}</span> : null}
            {t.id === 'changes' && article.needsReview.length + article.priorOriginals.length > 0 && (
              <>
                <span className="dot" aria-hidden="true" />
                <span className="sr-only">, the source changed</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id="side-panel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'source' && <SourcePane article={article} focus={focus} />}
        {tab === 'changes' && <DiffView article={article} />}
        {tab === 'history' && <HistoryPanel article={article} />}
        {tab === 'factcheck' && <FactcheckPanel article={article} />}
      </div>
    </div>
  );
}
