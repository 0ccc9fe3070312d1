import { APP_HOST, APP_SCHEME } from './app-origin.js';

// Whitespace and invisible formatting characters: a browser silently strips or reinterprets them, so a URL
// containing any is refused rather than guessed at.
const INVISIBLE = /[\s\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/u;

function hasUnsafeChar(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return INVISIBLE.test(raw);
}
const MAX_URL_LENGTH = 8192;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH || hasUnsafeChar(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * May this link be handed to the operating system's browser? Only plain web links: the OS would otherwise
 * launch whatever handles `file:`, `smb:`, `ms-msdt:` and friends, which is how openExternal becomes code
 * execution. Credentials are refused because `https://bank.example@evil.example` is a phishing idiom.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * Is this URL our own renderer? The origin is rebuilt from the parsed parts and compared exactly, because Node
 * reports `origin` as "null" for non-special schemes such as app:, and because prefix or substring checks
 * fall for `app://copydesk.evil`, `app://copydesk@evil` and `https://evil.example/?next=app://copydesk`.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (!url) return false;
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** The normalised form to open, so what was checked is exactly what the OS receives. */
export function externalHref(raw: string): string | null {
  return isSafeExternalUrl(raw) ? new URL(raw).href : null;
}
