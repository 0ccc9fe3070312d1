import type { ApiClient, DeskEvent } from '../../electron/core/api';
import { EVENT_TYPES, METHOD_NAMES } from '../../electron/core/api-methods';
import type { Result } from '../../electron/core/result';
import type { DeskApi } from './desk-api';


/** Browser mode: every contract method is a POST to the loopback server carrying the per-run token. */
export function httpApi(token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): DeskApi {
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    let res: Response;
    try {
      res = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'IO_ERROR', message: 'The desk server is not answering. Is `copydesk serve` still running?' } };
    }
    const body: unknown = await res.json().catch(() => null);
    if (body && typeof body === 'object' && 'ok' in body) return body as Result<unknown>;
    return { ok: false, error: { code: 'INTERNAL', message: `The desk server answered ${res.status} without a result.` } };
  };
  const client = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as ApiClient;

  // One event stream for the whole page, however many features listen: a browser allows only a few
  // connections per host, and every stream held open is one fewer for the calls themselves.
  const listeners = new Set<(e: DeskEvent) => void>();
  let source: EventSource | null = null;
  const dispatch = (e: MessageEvent<string>): void => {
    let event: DeskEvent;
    try {
      event = JSON.parse(e.data) as DeskEvent;
    } catch {
      return; // A malformed frame is dropped; the next change event refreshes everything anyway.
    }
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One feature failing to follow an event must not stop the others.
      }
    }
  };

  return {
    transport: 'http',
    client,
    // A link the browser follows as a download; the token rides in the query because a link cannot set headers.
    async saveDownload({ id, fileName }) {
      const a = document.createElement('a');
      a.href = `/api/downloads/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;
      a.download = fileName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      return { ok: true, value: { saved: true, path: null } };
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        for (const t of EVENT_TYPES) source.addEventListener(t, dispatch);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

/**
 * The token arrives in the URL fragment (never sent to a server or a referrer). It is kept for this tab only
 * and removed from the address bar, so it does not end up in screenshots, history or a pasted link.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]{16,256})/.exec(location.hash);
  if (m) {
    storage.setItem('copydesk.token', m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1]!;
  }
  return storage.getItem('copydesk.token');
}
