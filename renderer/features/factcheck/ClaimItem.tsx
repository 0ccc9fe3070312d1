import { useId, useState } from 'react';
import type { ClaimView } from '../../../electron/core/factcheck/types';
import type { VerdictDefinition } from '../../../electron/core/model';
import { useFactcheck } from '../../state/factcheck-store';
import { Markable } from './Markable';
import { onScale, verdictClass, verdictLabel } from './verdicts';

/** One claim: its words, why it is worth checking, what has been recorded, and the form to rule on it. */
export function ClaimItem({ claim, index, scale }: { claim: ClaimView; index: number; scale: readonly VerdictDefinition[] | null }) {
  return (
    <li className={`fc-claim${claim.orphaned ? ' orphaned' : ''}`} data-claim-id={claim.id}>
      <Markable markKey={`claim:${claim.id}`} anchor={claim.anchor}>
        <span className="fc-claim-head">
          <span className={verdictClass(scale, claim.verdict)}>{verdictLabel(scale, claim.verdict)}</span>
          <span className="fc-score" title="How checkable the sentence looks">
            score {claim.score}
          </span>
          {claim.fuzzy && !claim.orphaned && <span className="badge warn">reworded</span>}
        </span>
        <span className="fc-claim-text" dir="auto">
          {claim.text}
        </span>
        {claim.orphaned && (
          <span className="fc-orphaned" dir="auto">
            orphaned — last quote: “{claim.anchor.exact}”
          </span>
        )}
      </Markable>
      {claim.reasons.length > 0 && (
        <details className="fc-why">
          <summary>Why</summary>
          <ul>
            {claim.reasons.map((r, i) => (
              <li key={i} dir="auto">
                {r}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ClaimRecord claim={claim} />
      {claim.orphaned ? (
        <p className="muted fc-orphan-note">Its words are gone from the article, so it cannot be ruled on again; its verdict and evidence are kept.</p>
      ) : (
        <VerdictForm claim={claim} index={index} scale={scale} />
      )}
    </li>
  );
}

function ClaimRecord({ claim }: { claim: ClaimView }) {
  if (claim.notes.length === 0 && claim.sources.length === 0) return null;
  return (
    <div className="fc-record">
      {claim.notes.length > 0 && (
        <ul className="fc-notes" aria-label="Notes">
          {claim.notes.map((n, i) => (
            <li key={i} dir="auto">
              {n}
            </li>
          ))}
        </ul>
      )}
      {claim.sources.length > 0 && (
        <ul className="fc-sources" aria-label="Sources">
          {claim.sources.map((s, i) => (
            <li key={i}>
              <span className="fc-source-label">Source:</span> <span className="fc-source">{s}</span>
            </li>
          ))}
        </ul>
      )}
      {claim.checker && (
        <p className="muted fc-checker">
          {claim.checker}
          {claim.at ? `, ${new Date(claim.at).toLocaleString()}` : ''}
        </p>
      )}
    </div>
  );
}

function VerdictForm({ claim, index, scale }: { claim: ClaimView; index: number; scale: readonly VerdictDefinition[] | null }) {
  const save = useFactcheck((s) => s.save);
  const id = useId();
  const [verdict, setVerdict] = useState(claim.verdict);
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // The desk's verdict changed (saved here, or elsewhere): show it in the select.
  const [shownVerdict, setShownVerdict] = useState(claim.verdict);
  if (shownVerdict !== claim.verdict) {
    setShownVerdict(claim.verdict);
    setVerdict(claim.verdict);
  }
  // A verdict since removed from the scale stays choosable for this claim, so adding a note does not change it.
  const retired = scale && !onScale(scale, claim.verdict) ? claim.verdict : null;

  const onSave = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const trimmedNote = note.trim();
    const trimmedSource = source.trim();
    // The claim as stated and where its words start now: a clause claim keeps its full stop, and words that occur
    // twice are ruled on where this claim stands, not at their first occurrence.
    const refusal = await save({
      text: claim.text,
      start: claim.anchor.start,
      verdict,
      ...(trimmedNote ? { note: trimmedNote } : {}),
      ...(trimmedSource ? { sources: [trimmedSource] } : {}),
    });
    setBusy(false);
    setError(refusal);
    if (!refusal) {
      setNote('');
      setSource('');
      setSaved(true);
    }
  };

  return (
    <form className="fc-form" onSubmit={(e) => void onSave(e)} aria-label={`Verdict on claim ${index + 1}`}>
      <label>
        Verdict
        <select value={verdict} onChange={(e) => setVerdict(e.target.value)} id={`${id}-verdict`} disabled={!scale}>
          {(scale ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
          {(retired || !scale) && <option value={claim.verdict}>{verdictLabel(scale, claim.verdict)}</option>}
        </select>
      </label>
      <label>
        Note
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <label>
        Source URL
        <input type="text" inputMode="url" value={source} onChange={(e) => setSource(e.target.value)} placeholder="https://…" />
      </label>
      <button type="submit" className="primary" disabled={busy || !scale}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      {error && (
        <p className="error fc-error" role="alert">
          {error}
        </p>
      )}
      {saved && !error && (
        <p className="fc-saved" role="status">
          Saved
        </p>
      )}
    </form>
  );
}
