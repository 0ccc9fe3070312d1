import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import afterPack, {
  createAfterPack,
  electronBinaryPath,
  fuseConfig,
  needsAdHocSignatureReset,
  TEST_BUILD_ENV,
  type PackContext,
} from '../../../scripts/after-pack.mjs';

const appOutDir = resolve('/tmp/release/fake-unpacked');

function context(electronPlatformName: string, arch: Arch = Arch.x64): PackContext {
  // What electron-builder passes, reduced to what the hook reads; LinuxPackager's executableName comes from
  // linux.executableName, the others use the product file name.
  return { appOutDir, electronPlatformName, arch, packager: { appInfo: { productFilename: 'Copydesk' }, executableName: 'copydesk' } };
}

/** The fuse wire as [name, value] pairs, in wire order, so a change to any fuse shows in the diff. */
function wire(config: FuseV1Config): Array<[string, boolean | undefined]> {
  return Object.keys(FuseV1Options)
    .filter((k) => Number.isNaN(Number(k)))
    .map((name) => [name, (config as Record<number, boolean | undefined>)[FuseV1Options[name as keyof typeof FuseV1Options]]]);
}

async function run(platform: string, env: Record<string, string | undefined>, arch: Arch = Arch.x64) {
  const flip = vi.fn(async (_path: string, _config: FuseV1Config) => 1);
  await createAfterPack({ flip, env, log: () => {} })(context(platform, arch));
  expect(flip).toHaveBeenCalledTimes(1);
  const [path, config] = flip.mock.calls[0]!;
  return { path, config };
}

describe('afterPack fuses', () => {
  it('writes exactly this fuse list into a release build', () => {
    expect(fuseConfig({ testBuild: false }).version).toBe(FuseVersion.V1);
    expect(wire(fuseConfig({ testBuild: false }))).toEqual([
      ['RunAsNode', false],
      ['EnableCookieEncryption', true],
      ['EnableNodeOptionsEnvironmentVariable', false],
      ['EnableNodeCliInspectArguments', false],
      ['EnableEmbeddedAsarIntegrityValidation', true],
      ['OnlyLoadAppFromAsar', true],
      // Left as Electron ships them.
      ['LoadBrowserProcessSpecificV8Snapshot', undefined],
      ['GrantFileProtocolExtraPrivileges', undefined],
    ]);
  });

  it('differs in a test build only by keeping the inspector switches Playwright needs', () => {
    const release = fuseConfig({ testBuild: false });
    const test = fuseConfig({ testBuild: true });
    expect(test[FuseV1Options.EnableNodeCliInspectArguments]).toBe(true);
    expect({ ...test, [FuseV1Options.EnableNodeCliInspectArguments]: false }).toEqual(release);
  });

  it(`takes the test build from ${TEST_BUILD_ENV}=1 and nothing else`, async () => {
    expect((await run('linux', {})).config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect((await run('linux', { [TEST_BUILD_ENV]: '0' })).config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect((await run('linux', { [TEST_BUILD_ENV]: 'true' })).config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect((await run('linux', { [TEST_BUILD_ENV]: '1' })).config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(true);
  });

  it('flips the fuses in the packaged binary of each platform', async () => {
    expect((await run('darwin', {})).path).toBe(join(appOutDir, 'Copydesk.app', 'Contents', 'MacOS', 'Copydesk'));
    expect((await run('win32', {})).path).toBe(join(appOutDir, 'Copydesk.exe'));
    expect((await run('linux', {})).path).toBe(join(appOutDir, 'copydesk'));
    expect(electronBinaryPath(context('mas'))).toBe(join(appOutDir, 'Copydesk.app', 'Contents', 'MacOS', 'Copydesk'));
    expect(() => electronBinaryPath(context('freebsd'))).toThrow(/freebsd/);
  });

  it('passes the whole release fuse list to flipFuses, plus the ad-hoc re-sign only where Apple silicon needs it', async () => {
    const { config } = await run('win32', {});
    expect(config).toEqual({ ...fuseConfig({ testBuild: false }), resetAdHocDarwinSignature: false });
    expect((await run('darwin', {}, Arch.arm64)).config.resetAdHocDarwinSignature).toBe(true);
    expect((await run('darwin', {}, Arch.universal)).config.resetAdHocDarwinSignature).toBe(true);
    expect((await run('darwin', {}, Arch.x64)).config.resetAdHocDarwinSignature).toBe(false);
    expect(needsAdHocSignatureReset(context('linux', Arch.arm64))).toBe(false);
    expect(needsAdHocSignatureReset(context('mas', Arch.arm64))).toBe(false);
  });

  it('is what electron-builder loads: a default-exported function, with no export named afterPack to shadow it', async () => {
    // electron-builder's resolveFunction prefers an export named after the hook, then falls back to default.
    const mod: Record<string, unknown> = await import('../../../scripts/after-pack.mjs');
    expect(typeof afterPack).toBe('function');
    expect(mod.default).toBe(afterPack);
    expect(mod.afterPack).toBeUndefined();
  });
});

/**
 * A stand-in for an Electron binary: filler around the fuse wire as Electron lays it out (the sentinel, wire
 * version 1, the wire length, one byte per fuse: '0' off, '1' on). The wire starts as Electron 45 ships it,
 * nine fuses long.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_WIRE = '101100011';
function fakeElectron(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const wire = Buffer.from([...Buffer.from(SENTINEL), 1, SHIPPED_WIRE.length, ...Buffer.from(SHIPPED_WIRE)]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 0xcc), wire, Buffer.alloc(4096, 0xcc)]));
}
function wireIn(path: string): string {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1');
}

describe('afterPack on a fake packaged app, with the real @electron/fuses', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const hook = (env: Record<string, string | undefined>) => createAfterPack({ env, log: () => {} });
  const ctx = (platform: string): PackContext => ({ ...context(platform), appOutDir: dir });

  it('rewrites the Linux binary: the six fuses set, the rest as shipped', async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-fuses-'));
    fakeElectron(join(dir, 'copydesk'));
    await hook({})(ctx('linux'));
    //                                  RunAsNode, Cookie, NODE_OPTIONS, inspect, asar integrity, asar only | shipped
    expect(wireIn(join(dir, 'copydesk'))).toBe('010011' + '011');
  });

  it('keeps the inspector switches in a test build', async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-fuses-'));
    fakeElectron(join(dir, 'Copydesk.exe'));
    await hook({ [TEST_BUILD_ENV]: '1' })(ctx('win32'));
    expect(wireIn(join(dir, 'Copydesk.exe'))).toBe('010111' + '011');
  });

  it('finds the fuses of a macOS app in its Electron Framework, not in the launcher', async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-fuses-'));
    const framework = join(dir, 'Copydesk.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    fakeElectron(framework);
    await hook({})(ctx('darwin')); // x64: no ad-hoc re-sign, so no codesign is needed here
    expect(wireIn(framework)).toBe('010011' + '011');
  });
});
