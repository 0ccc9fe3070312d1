/**
 * electron-builder `afterPack` hook (electron-builder.yml): flips Electron's fuses in the packaged binary.
 *
 * Fuses are bits compiled into the Electron binary that switch features off for good, whatever the command line
 * or the environment says. electron-builder calls this after copying the app and before signing, so the signature
 * covers the flipped binary. Plain ESM JavaScript because electron-builder imports hooks by path, uncompiled;
 * its types are in after-pack.d.mts, and tests/unit/packaging/after-pack.test.ts checks it.
 */
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** Set to 1 for a build that Playwright's _electron will drive: it needs the --inspect switches. */
export const TEST_BUILD_ENV = 'COPYDESK_TEST_BUILD';

/** electron-builder's Arch values (builder-util): ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

export function isTestBuild(env) {
  return env[TEST_BUILD_ENV] === '1';
}

/**
 * The fuses every Copydesk package gets. Only a test build keeps the Node inspector switches, because
 * Playwright's _electron attaches through them; a release must not let anyone attach a debugger to the app.
 */
export function fuseConfig({ testBuild }) {
  return {
    version: FuseVersion.V1,
    // `ELECTRON_RUN_AS_NODE=1 Copydesk` would otherwise turn the signed app into a plain Node for any script.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other network state are encrypted at rest with an OS-protected key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (e.g. --require evil.js) is ignored.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and friends are ignored, except in a test build.
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    // app.asar is checked against the hash electron-builder embedded at build time (macOS and Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only app.asar is loaded, so a loose resources/app folder cannot stand in for the checked archive.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/** Where the packaged Electron executable is, by electron-builder's naming for each platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      // @electron/fuses follows this path to Contents/Frameworks/Electron Framework.framework, where the fuses are.
      return join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    case 'linux':
      // linux.executableName (electron-builder.yml), not the product name.
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: no known Electron binary layout for platform "${electronPlatformName}"`);
  }
}

/**
 * Flipping fuses changes the binary and so breaks the ad-hoc signature Electron ships with; Apple silicon refuses
 * to run unsigned code, so for arm64 (and universal) macOS builds @electron/fuses re-signs ad hoc. A real
 * signing identity, when there is one, signs over it afterwards.
 */
export function needsAdHocSignatureReset(context) {
  return context.electronPlatformName === 'darwin' && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL);
}

/** The hook, with what it touches injectable so a unit test can run it without an Electron binary. */
export function createAfterPack({ flip = flipFuses, env = process.env, log = console.log } = {}) {
  return async function copydeskAfterPack(context) {
    const testBuild = isTestBuild(env);
    const binary = electronBinaryPath(context);
    const config = { ...fuseConfig({ testBuild }), resetAdHocDarwinSignature: needsAdHocSignatureReset(context) };
    log(`copydesk afterPack: flipping Electron fuses in ${binary}${testBuild ? ` (${TEST_BUILD_ENV}=1: inspector switches kept)` : ''}`);
    await flip(binary, config);
  };
}

export default createAfterPack();
