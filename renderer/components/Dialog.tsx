import { useEffect, useId, useRef } from 'react';

/**
 * A modal on the native <dialog>: focus is kept inside, Esc closes it, and focus returns to the opener. Keys
 * pressed inside never reach the desk's shortcuts.
 */
export function Dialog({ title, onClose, className, children }: { title: string; onClose(): void; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  const id = useId();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="dialog-head">
        <h2 id={id}>{title}</h2>
        <button className="icon" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
