import { type Session, type WebContents, app, session, shell } from 'electron';
import { externalHref, isAppUrl } from './external-url.js';

/**
 * Applied to every web contents the app ever creates, so a page that is somehow compromised cannot leave
 * app://copydesk, open windows, embed webviews or ask for the camera. Electron's security checklist, items
 * 13–15 and 5.
 */
export function setupNavigationGuards(): void {
  lockDownSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Subframes too: will-navigate fires for the main frame only.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank is how an article's source link is followed: in the editor's own browser.
    const href = externalHref(url);
    // Reviewed for electronegativity: externalHref admits only parsed http(s) URLs (external-url.ts, unit-tested).
    if (href) void shell.openExternal(href).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  lockDownSession(contents.session);
}

const lockedSessions = new WeakSet<Session>();

/** Copydesk needs no web permission at all, so every request and every check is refused. */
function lockDownSession(ses: Session): void {
  if (lockedSessions.has(ses)) return;
  lockedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The app:// handler and index.html set the same policy; this also covers any response neither of them made.
  // The literal must stay equal to CSP in electron/server/http-server.ts (a unit test checks).
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    }),
  );
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
