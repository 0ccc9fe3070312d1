import { useEffect, useId, useRef } from 'react';

type Props = {
  name: string;
  description: string;
  onName(v: string): void;
  onDescription(v: string): void;
  /** The desk's refusal (a name already taken…), said beside the name. */
  error: string | null;
  autoFocus?: boolean;
};

/** A bundle's name and description, as the create dialog and the details form both ask for them. */
export function BundleFields({ name, description, onName, onDescription, error, autoFocus }: Props) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement | null>(null);
  // In a dialog, the dialog focuses the marked field; in place, nothing else would.
  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);
  return (
    <>
      <div className="stacked">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          value={name}
          onChange={(e) => onName(e.target.value)}
          maxLength={200}
          required
          autoComplete="off"
          data-autofocus={autoFocus ? true : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-name-hint`}
        />
        <small id={`${id}-name-hint`} className="muted">
          How the bundle is listed and exported; two bundles cannot share a name.
        </small>
      </div>
      <div className="stacked">
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea id={`${id}-desc`} value={description} onChange={(e) => onDescription(e.target.value)} maxLength={5000} rows={3} />
      </div>
      {error && (
        <p className="error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
