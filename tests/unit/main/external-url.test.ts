import { describe, expect, it } from 'vitest';
import { externalHref, isAppUrl, isSafeExternalUrl } from '../../../electron/main/external-url.js';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.reuters.com/world/asia-pacific/',
    'http://example.com',
    'https://example.com:8443/a?b=c#d',
    // http(s) with an app:// lookalike in the query: fine to open in a browser (it is not our origin; see isAppUrl).
    'https://evil.example/?next=app://x',
    'https://evil.example/#app://copydesk/index.html',
    'HTTPS://EXAMPLE.COM/',
  ])('allows the web link %s', (raw) => {
    expect(isSafeExternalUrl(raw)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'app://copydesk/index.html',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-msdt:/id PCWDiagnostic',
    'smb://evil.example/share',
    'mailto:a@b.example',
    'about:blank',
    'blob:https://example.com/uuid',
    // Parses as https://app/ with credentials: refused for the credentials, whatever it aims at.
    'https://evil.example@app://x',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https:',
    'https://',
    'https://exa mple.com/',
    'https://example.com/\n',
    'https://example.com/\u0000',
    'https://example.com/\u200b',
    'https://example.com/\u2028',
    '\u202ehttps://example.com',
    '//example.com/',
    '/relative',
    '',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %j', (raw) => {
    expect(isSafeExternalUrl(raw)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['https://example.com'], new URL('https://example.com')]) {
      expect(isSafeExternalUrl(v)).toBe(false);
    }
  });

  it('hands the OS the normalised URL, not the raw string', () => {
    expect(externalHref('HTTPS://Example.COM')).toBe('https://example.com/');
    expect(externalHref('javascript:alert(1)')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it.each(['app://copydesk/index.html', 'app://copydesk/', 'app://copydesk', 'app://copydesk/assets/index-abc.js?x=1#y'])(
    'recognises our own page %s',
    (raw) => {
      expect(isAppUrl(raw)).toBe(true);
    },
  );

  it.each([
    'https://evil.example/?next=app://x',
    'https://evil.example/?next=app://copydesk/index.html',
    'https://evil.example/app://copydesk/',
    'https://evil.example@app://x',
    'https://copydesk/',
    'app://copydesk.evil/x',
    'app://copydesk.evil.example/index.html',
    'app://evil.copydesk/x',
    'app://copydesk@evil/x',
    'app://copydesk:x@evil/x',
    'app://x@copydesk/',
    'app://copydesk:80/x',
    'app://copydesk%2e/x',
    'app://COPYDESK/x',
    'app:copydesk/x',
    'app:///copydesk/index.html',
    'app://',
    'apps://copydesk/',
    'file://copydesk/index.html',
    'javascript:"app://copydesk/"',
    'data:text/html,app://copydesk/',
    ' app://copydesk/index.html',
    'app://copydesk/\nindex.html',
    'app://copy\u200bdesk/',
    '',
  ])('does not mistake %j for our origin', (raw) => {
    expect(isAppUrl(raw)).toBe(false);
  });

  it('is false for non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
