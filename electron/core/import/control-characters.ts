/**
 * C0 and C1 control characters other than tab, line feed and carriage return. A scrape can carry them (a stray
 * BEL, an ANSI colour code, cp1252 quotes mis-decoded as C1), and text is passed on to places that obey them:
 * a terminal running `copydesk list` would act on ESC sequences (retitle the window, clear the screen, write
 * the clipboard), and XML 1.0 exports cannot hold them at all. NUL never gets here: it marks a binary file.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_OR_SPACING = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
/* eslint-enable no-control-regex */

/**
 * Each control character becomes U+FFFD, so the editor sees that something was there and where. Vertical tab
 * and form feed are spacing (a page break in an old text file), so they become a space and a line holding only
 * a form feed stays blank. One pass over the text for both: every imported byte goes through here.
 */
export const replaceControlCharacters = (text: string): string =>
  text.replace(CONTROL_OR_SPACING, (c) => (c === '\u000b' || c === '\u000c' ? ' ' : '\ufffd'));
