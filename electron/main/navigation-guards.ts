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
    if (href) void shell.openExternal(href).catch(() => undefined);
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
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
