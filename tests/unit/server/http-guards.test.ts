import { describe, expect, it } from 'vitest';
import { allowedHost, allowedOrigin, bearer, tokenMatches } from '../../../electron/server/http-guards.js';

describe('Host check (DNS rebinding)', () => {
  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['127.0.0.1:4001', false],
    ['127.0.0.1', false],
    ['evil.example', false],
    ['evil.example:4000', false],
    ['localhost.evil.example:4000', false],
    ['127.0.0.1.nip.io:4000', false],
    ['[::1]:4000', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (host, ok) => expect(allowedHost(host, 4000)).toBe(ok));
});

describe('Origin check (cross-site requests)', () => {
  it.each([
    [undefined, true],
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['http://evil.example', false],
    ['https://127.0.0.1:4000', false],
    ['http://127.0.0.1:4001', false],
    ['null', false],
    ['http://127.0.0.1:4000.evil.example', false],
  ])('%s → %s', (origin, ok) => expect(allowedOrigin(origin, 4000)).toBe(ok));
});

describe('token', () => {
  const token = 'abcdefghijklmnopqrstuvwxyz012345';
  it('accepts only the exact token', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });
  it('reads only a well-formed Bearer header', () => {
    expect(bearer(`Bearer ${token}`)).toBe(token);
    expect(bearer(`bearer ${token}`)).toBeNull();
    expect(bearer(`Bearer ${token} extra`)).toBeNull();
    expect(bearer(`Basic ${token}`)).toBeNull();
    expect(bearer(undefined)).toBeNull();
  });
});
