import { useEffect, useRef, useState } from 'react';
import type { Anchor } from '../../../electron/core/factcheck/types';
import { useFactcheck } from '../../state/factcheck-store';
import { useReader } from '../../state/reader-store';
import { clearArticleMark, markInArticle } from './mark-in-article';

/** A list item that marks its words in the article when chosen (click, or Enter / Space). */
export function Markable({ markKey, anchor, className, children }: { markKey: string; anchor: Anchor; className?: string; children: React.ReactNode }) {
  const { marked, mark } = useFactcheck();
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLDivElement | null>(null);
  const chosenHere = useRef(false);
  const active = marked === markKey;
  // Chosen from elsewhere (a claim just made from a selection in the article): bring it into view in the panel,
  // scrolling the panel alone so the article keeps the words in view.
  useEffect(() => {
    if (active && !chosenHere.current && ref.current) scrollPanelTo(ref.current);
    chosenHere.current = false;
  }, [active]);
  const choose = (): void => {
    chosenHere.current = true;
    if (active) {
      mark(null, null);
      clearArticleMark();
      setMissing(false);
      return;
    }
    mark(markKey, anchor);
    setMissing(!markInArticle(anchor, useReader.getState().article));
  };
  return (
    <div
      ref={ref}
      className={`fc-mark${active ? ' active' : ''}${className ? ` ${className}` : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={active}
      title="Show it in the article (Enter)"
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          choose();
        }
      }}
    >
      {children}
      {active && missing && <span className="muted fc-missing"> (not in the article as it stands)</span>}
    </div>
  );
}

function scrollPanelTo(el: HTMLElement): void {
  const panel = el.closest('.factcheck');
  if (!panel) return;
  const offset = el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  if (offset < 0 || offset > panel.clientHeight - 40) panel.scrollTop += offset - 12;
}
