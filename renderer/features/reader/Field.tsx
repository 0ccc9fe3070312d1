import { useHistory } from '../../state/history-store';
import { type FieldRef, useReader } from '../../state/reader-store';

type FieldProps = {
  /** The field's span in the source; null for fields the seed file does not have (notes). */
  at: FieldRef | null;
  label: string;
  as?: 'h1' | 'p' | 'div';
  className?: string;
  ref?: React.Ref<HTMLElement>;
  /** Opens the inline editor: double-click, or E / F2 on the focused field. */
  onEdit?(): void;
  children: React.ReactNode;
};

/** A parsed field. Choosing it (click, or Tab then Enter) marks its span in the source. */
export function Field({ at, label, as: Tag = 'div', className, ref, onEdit, children }: FieldProps) {
  const focus = useReader((s) => s.focus);
  const setFocus = useReader((s) => s.setFocus);
  const setTab = useHistory((s) => s.setTab);
  const active = at !== null && focus?.field === at.field && focus.index === at.index;
  const choose = (): void => {
    if (!at) {
      onEdit?.();
      return;
    }
    setFocus(active ? null : at);
    if (!active) setTab('source');
  };
  const hint = at ? 'press Enter to show it in the source' : 'press Enter to edit it';
  return (
    <Tag
      ref={ref as React.Ref<never>}
      className={`field${active ? ' active' : ''}${className ? ` ${className}` : ''}`}
      dir="auto"
      tabIndex={0}
      title={`${label}: ${hint}${onEdit && at ? ', E to edit' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-field={at?.field}
      data-index={at?.index ?? undefined}
      onClick={(e) => {
        // The mouse-up that ends a selection of words is not a choice of the field (see SelectionClaim).
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && e.currentTarget.contains(selection.anchorNode)) return;
        choose();
      }}
      onDoubleClick={(e) => {
        if (!onEdit) return;
        e.preventDefault();
        window.getSelection()?.removeAllRanges();
        onEdit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          choose();
        } else if (onEdit && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'e' || e.key === 'F2')) {
          e.preventDefault();
          e.stopPropagation();
          onEdit();
        }
      }}
    >
      {children}
    </Tag>
  );
}
