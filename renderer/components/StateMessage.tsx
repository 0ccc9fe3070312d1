import type { ReactNode } from 'react';

/** The designed empty, loading and error states: a heading, a sentence, and at most one way forward. */
export function StateMessage({ kind, title, children, action }: { kind: 'empty' | 'error' | 'loading'; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`state state-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <div className="spinner" aria-hidden="true" />}
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}
