import { useEffect, useState } from 'react';
import type { DeskNotice } from '../../../electron/core/api';
import { deskApi } from '../../api';
import { firstPageAnswered } from '../../state/list-store';

/**
 * What opening the desk had to do — restore it from a backup, rebuild a damaged file, migrate it — said where
 * the editor will see it, so a desk never comes back older or emptier without a word. Electron says it in a
 * native dialog at start-up; browser mode has no such moment, so the page asks once and shows a banner. A newly
 * created desk is not news worth a banner.
 */
export function DeskNotices() {
  const [notices, setNotices] = useState<DeskNotice[]>([]);
  useEffect(() => {
    const api = deskApi;
    if (api?.transport !== 'http') return;
    // Asked after the list's first rows, so the desk answers those first; a notice a moment later is no loss.
    void firstPageAnswered
      .then(() => api.client.getDeskNotices({}))
      .then((r) => {
        if (r.ok) setNotices(r.value.filter((n) => n.code !== 'created'));
      });
  }, []);
  if (notices.length === 0) return null;
  const recovered = notices.some((n) => n.code === 'recovered' || n.code === 'damaged');
  return (
    <section className="desk-notices" role="alert" aria-labelledby="desk-notices-title">
      <h2 id="desk-notices-title">{recovered ? 'The desk was repaired when it opened' : 'The desk was updated when it opened'}</h2>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n.message}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </section>
  );
}
