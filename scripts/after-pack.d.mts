/** Types for after-pack.mjs, the electron-builder afterPack hook (which must stay plain JavaScript). */
import type { FuseV1Config } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export type FlipFuses = (pathToElectron: string, config: FuseV1Config) => Promise<unknown>;

export interface AfterPackDeps {
  flip?: FlipFuses;
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}

export declare const TEST_BUILD_ENV: 'COPYDESK_TEST_BUILD';
export declare function isTestBuild(env: Record<string, string | undefined>): boolean;
export declare function fuseConfig(options: { testBuild: boolean }): FuseV1Config;
export declare function electronBinaryPath(context: PackContext): string;
export declare function needsAdHocSignatureReset(context: PackContext): boolean;
export declare function createAfterPack(deps?: AfterPackDeps): (context: PackContext) => Promise<void>;

declare const afterPack: (context: PackContext) => Promise<void>;
export default afterPack;
