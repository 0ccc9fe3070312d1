/**
 * electron-builder.yml, checked with electron-builder's own code wherever it can run without an Electron binary:
 * its config loader and schema validator, the file matchers that decide what goes into app.asar and resources/,
 * the Linux desktop-file and MIME writers, and its icon resolver. Nothing here packages anything: `npm run dist`
 * cannot run on this machine (no Electron binary can be downloaded), see README "Building installers".
 *
 * Several of these are electron-builder internals (app-builder-lib/out/…), pinned by electron-builder 26.17.0;
 * if an upgrade moves them, this test fails loudly rather than silently checking nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter.js';
import { resolveFunction } from 'app-builder-lib/out/util/resolve.js';
import { DebugLogger, walk } from 'builder-util';
import type { Configuration, FileAssociation, LinuxConfiguration, LinuxPackager } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/app-paths.js';

const root = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; description: string };

// Internals without published types: just the shapes used here.
interface Matcher {
  from: string;
  to: string;
  patterns: string[];
  createFilter(): (file: string, stat: object) => boolean;
}
interface FileSet {
  src: string;
  files: string[];
}
const requireCjs = createRequire(import.meta.url);
const fileMatcher = requireCjs('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, macroExpander: (p: string) => string, patterns?: string[]) => Matcher;
  getMainFileMatchers(appDir: string, dest: string, expand: (p: string) => string, options: object, platformPackager: object, outDir: string, electronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, dest: string, expand: (p: string) => string, options: object, packager: object): Matcher;
  getFileMatchers(config: Configuration, name: 'extraResources', dest: string, options: object): Matcher[] | null;
};
const { computeFileSets } = requireCjs('app-builder-lib/out/util/appFileCopier.js') as {
  computeFileSets(matchers: Matcher[], transformer: null, platformPackager: object, electronCompile: boolean): Promise<FileSet[]>;
};
const { NodeModuleCopyHelper } = requireCjs('app-builder-lib/out/util/NodeModuleCopyHelper.js') as {
  NodeModuleCopyHelper: new (matcher: Matcher, packager: object) => {
    collectNodeModules(dep: { name: string; dir: string }, excludedExts: string[], destination: string): Promise<string[]>;
  };
};

const identity = (pattern: string): string => pattern;
const posix = (path: string): string => path.split(sep).join('/');

let config: Configuration;
beforeAll(async () => {
  // Exactly how electron-builder finds and reads its configuration (electron-builder.yml in the project dir).
  config = await getConfig(root, null, null);
});

describe('electron-builder.yml against electron-builder’s own validator', () => {
  it('passes the schema check electron-builder runs before every build', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would catch a broken configuration: the validator is really checking', async () => {
    const unknownKey = { ...structuredClone(config), notAnOption: true } as Configuration;
    await expect(validateConfiguration(unknownKey, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
    const wrongType = structuredClone(config);
    (wrongType.mac as Record<string, unknown>).notarize = 'yes';
    await expect(validateConfiguration(wrongType, new DebugLogger(false))).rejects.toThrow(/notarize/);
  });

  it('names the app, its output folder and asar', () => {
    expect(config.appId).toBe('org.copydesk.app');
    expect(config.productName).toBe('Copydesk');
    expect(config.asar).toBe(true);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources' });
  });
});

describe('every path the configuration names exists', () => {
  it('finds the icons, entitlements, installer script, hook and resource folders', () => {
    const named: Record<string, unknown> = {
      'mac.icon': config.mac?.icon,
      'mac.entitlements': config.mac?.entitlements,
      'mac.entitlementsInherit': config.mac?.entitlementsInherit,
      'win.icon': config.win?.icon,
      'linux.icon': config.linux?.icon,
      'nsis.include': config.nsis?.include,
      afterPack: config.afterPack,
      'directories.buildResources': config.directories?.buildResources,
      'extraResources[0].from': [config.extraResources ?? []].flat().map((r) => (typeof r === 'string' ? r : r.from))[0],
    };
    const missing = Object.entries(named).filter(([, path]) => typeof path !== 'string' || !existsSync(resolve(root, path)));
    expect(missing).toEqual([]);
  });

  it('names an afterPack hook that electron-builder can load, as it loads hooks', async () => {
    // resolveFunction tries require() (which refuses ESM on Node 20), then import(), then takes the default export.
    const hook = await resolveFunction<unknown>('module', resolve(root, config.afterPack as string), 'afterPack', root);
    expect(hook).toBeTypeOf('function');
    expect((hook as { name: string }).name).toBe('copydeskAfterPack');
  });

  it('points linux.icon at a folder of NxN.png icons, as electron-builder expects', () => {
    const names = readdirSync(join(root, config.linux!.icon!));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^(\d+)x\1\.png$/);
  });
});

describe('what goes into the package', () => {
  const packagerInfo = () => ({
    config,
    projectDir: root,
    buildResourcesDir: join(root, config.directories!.buildResources!),
    isPrepackedAppAsar: false,
    areNodeModulesHandledExternally: false,
    debugLogger: new DebugLogger(false),
  });

  it('packs dist/ (no source maps) and package.json, and nothing else from the project', async () => {
    expect(existsSync(join(root, pkg.main)), `${pkg.main} is missing: run \`npm run build\` first`).toBe(true);
    const info = packagerInfo();
    const matchers = fileMatcher.getMainFileMatchers(root, '/app', identity, config.linux ?? {}, { info }, join(root, 'release'), false);
    const sets = await computeFileSets(matchers, null, { info }, false);
    const files = sets.flatMap((set) => set.files.filter((f) => statSync(f).isFile()).map((f) => posix(relative(set.src, f)))).sort();

    // dist/ is built by `npm run build` before the unit tests in `npm test`.
    const built = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? built(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const expected = [...built('dist').filter((f) => !f.endsWith('.map')), 'package.json'].sort();

    expect(files).toEqual(expected);
    expect(files).toContain(pkg.main);
    expect(files).toEqual(expect.arrayContaining(['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html']));
    // The build writes no source maps today; were one to appear, it would stay out.
    const file = { isDirectory: () => false, isFile: () => true };
    expect(matchers[0]!.createFilter()(join(root, 'dist/electron/main.js.map'), file)).toBe(false);
    expect(matchers[0]!.createFilter()(join(root, 'dist/electron/main.js'), file)).toBe(true);
  });

  it('packs none of node_modules: every runtime dependency is already bundled into dist/', async () => {
    const info = { ...packagerInfo(), appInfo: { type: 'module' }, getWorkspaceRoot: async () => root };
    const collect = async (matcher: Matcher, name: string): Promise<string[]> => {
      // As computeNodeModuleFileSets does for each production dependency.
      const destination = join(matcher.to, 'node_modules', name);
      const depMatcher = new fileMatcher.FileMatcher(join(root, 'node_modules', name), destination, identity, matcher.patterns);
      return new NodeModuleCopyHelper(depMatcher, info).collectNodeModules({ name, dir: join(root, 'node_modules', name) }, [], relative(matcher.to, destination));
    };
    const ours = fileMatcher.getNodeModuleFileMatcher(root, '/app', identity, config.linux ?? {}, info);
    for (const dep of ['react', 'zod', 'lowdb']) expect(await collect(ours, dep), dep).toEqual([]);

    // Without the exclusion the same dependency would be copied: the check above is not vacuous.
    const permissive = new fileMatcher.FileMatcher(root, '/app', identity, ['**/*']);
    expect((await collect(permissive, 'react')).length).toBeGreaterThan(0);
  });

  it('copies the seed files to resources/seeds, where the packaged app looks for them on first run', async () => {
    const resourcesPath = resolve('/opt/Copydesk/resources');
    const [seeds] = fileMatcher.getFileMatchers(config, 'extraResources', resourcesPath, {
      macroExpander: identity,
      customBuildOptions: config.linux ?? {},
      globalOutDir: join(root, 'release'),
      defaultSrc: root,
    })!;
    expect(seeds!.to).toBe(appPaths(resolve('/x/dist/electron'), { isPackaged: true, resourcesPath }).seedsDir);

    const copied = (await walk(seeds!.from, seeds!.createFilter())).filter((f) => statSync(f).isFile()).sort();
    const seedFiles = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt'));
    expect(seedFiles.length).toBeGreaterThanOrEqual(1);
    expect(copied).toEqual(seedFiles.map((n) => join(root, 'seeds', n)).sort());
  });
});

describe('file associations', () => {
  const forPlatform = (own: FileAssociation[] | FileAssociation | null | undefined): FileAssociation[] =>
    // PlatformPackager.fileAssociations: the shared list, then the platform's own.
    [...[config.fileAssociations ?? []].flat(), ...[own ?? []].flat()];
  const exts = (list: FileAssociation[]): string[] => list.flatMap((a) => [a.ext].flat());

  it('owns .cdbundle, a zip bundle with its own MIME type, on every platform', () => {
    for (const list of [forPlatform(config.mac?.fileAssociations), forPlatform(config.win?.fileAssociations), forPlatform(config.linux?.fileAssociations)]) {
      const bundle = list.find((a) => exts([a]).includes('cdbundle'));
      expect(bundle).toMatchObject({ mimeType: 'application/vnd.copydesk.bundle+zip', role: 'Editor', rank: 'Owner' });
      expect(bundle?.isPackage).toBeFalsy(); // a zip file, not a macOS package directory
    }
    expect(exts(forPlatform([])).filter((e) => e !== 'cdbundle')).toEqual([]);
  });

  it('opens .txt seed files on macOS as an alternative viewer, never as the default', () => {
    const txt = forPlatform(config.mac?.fileAssociations).filter((a) => exts([a]).includes('txt'));
    expect(txt).toHaveLength(1);
    expect(txt[0]).toMatchObject({ role: 'Viewer', rank: 'Alternate' });
  });

  it('does not associate .txt through the Windows installer, which would make Copydesk the default', () => {
    expect(exts(forPlatform(config.win?.fileAssociations))).not.toContain('txt');
    // Instead resources/installer.nsh adds an "Open with" entry only.
    const nsh = readFileSync(join(root, config.nsis!.include!), 'utf8');
    expect(nsh).toMatch(/!macro customInstall\b/);
    expect(nsh).toMatch(/!macro customUnInstall\b/);
    expect(nsh).toMatch(/WriteRegStr SHCTX "Software\\Classes\\\.txt\\OpenWithProgids"/);
    expect(nsh).toMatch(/DeleteRegValue SHCTX "Software\\Classes\\\.txt\\OpenWithProgids"/);
    // Never the default value of .txt itself.
    expect(nsh).not.toMatch(/WriteReg\w+\s+\S+\s+"Software\\Classes\\\.txt"/);
  });
});

describe('the Linux desktop integration, as electron-builder writes it for the deb', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'copydesk-desktop-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // What FpmTarget hands to the desktop writer: the linux options with the deb's over them.
  const debOptions = (): LinuxConfiguration => ({ ...config.linux, ...config.deb }) as LinuxConfiguration;
  const helper = (): LinuxTargetHelper => {
    let n = 0;
    const packager = {
      appInfo: { productName: config.productName, sanitizedProductName: config.productName, description: pkg.description },
      executableName: config.linux!.executableName,
      info: { metadata: {} },
      config,
      platformSpecificBuildOptions: config.linux,
      fileAssociations: [...[config.fileAssociations ?? []].flat(), ...[config.linux?.fileAssociations ?? []].flat()],
      getTempFile: async (suffix: string) => join(tmp, `${n++}${suffix}`),
    };
    return new LinuxTargetHelper(packager as unknown as LinuxPackager);
  };

  it('declares the app as an Office program that opens text files and Copydesk bundles', async () => {
    const entry = await helper().computeDesktopEntry(debOptions());
    const lines = entry.trim().split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Name=Copydesk',
        'GenericName=Newsroom Copy Desk',
        'Exec=/opt/Copydesk/copydesk %U',
        'Icon=copydesk',
        'Type=Application',
        'Terminal=false',
        'Categories=Office;',
        'MimeType=text/plain;application/vnd.copydesk.bundle+zip;',
        `Comment=${debOptions().description}`,
        'Keywords=news;newsroom;copy;editing;fact-check;seed;',
      ]),
    );
  });

  it('defines the bundle MIME type for *.cdbundle, and redefines nothing of the system’s (text/plain)', async () => {
    const file = await helper().mimeTypeFiles;
    expect(file).not.toBeNull();
    const xml = readFileSync(file!, 'utf8');
    expect(xml).toContain('<mime-type type="application/vnd.copydesk.bundle+zip">');
    expect(xml).toContain('<glob pattern="*.cdbundle"/>');
    expect(xml).not.toContain('text/plain');
  });

  it.todo(
    'the deb also needs a "homepage" and an author e-mail in package.json (or deb.maintainer): electron-builder refuses to build a deb without them, and this project has neither yet',
  );
});

describe('macOS signing settings', () => {
  it('builds dmg and zip for Intel and Apple silicon, hardened, and notarises when the environment has credentials', () => {
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac?.hardenedRuntime).toBe(true);
    // true (not false): electron-builder notarises only if APPLE_API_KEY…, APPLE_ID… or APPLE_KEYCHAIN_PROFILE is set.
    expect(config.mac?.notarize).toBe(true);
  });

  it('grants the app and its helpers V8’s JIT and nothing more', () => {
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
    const plist = readFileSync(join(root, config.mac!.entitlements!), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>\s*<(\w+)\/>/g)].map((m) => [m[1], m[2]])).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
    expect(plist.match(/<key>/g)).toHaveLength(1);
  });
});

describe('Windows installers', () => {
  it('makes a per-user assisted NSIS installer and a portable exe, and never deletes the desk on uninstall', () => {
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
  });
});

describe('icons, as electron-builder resolves them', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'copydesk-icons-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const resolveIcon = (source: string, format: 'icns' | 'ico' | 'set') =>
    convertIcon({ sources: [source], fallbackSources: [], roots: [join(root, 'resources'), root], format, outDir: join(out, format) });

  it('uses the committed files as they are, so no icon conversion tool is needed at build time', async () => {
    const icns = await resolveIcon(config.mac!.icon!, 'icns');
    expect(icns).toEqual({ icons: [{ file: join(root, 'resources', 'icon.icns'), size: 0 }], isFallback: false });
    // electron-builder refuses a Windows icon under 256 px.
    const ico = await resolveIcon(config.win!.icon!, 'ico');
    expect(ico).toEqual({ icons: [{ file: join(root, 'resources', 'icon.ico'), size: 256 }], isFallback: false });
    const set = await resolveIcon(config.linux!.icon as string, 'set');
    expect(set.isFallback).toBe(false);
    expect(set.icons.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    // Nothing was converted.
    expect(existsSync(join(out, 'icns')) || existsSync(join(out, 'ico')) || existsSync(join(out, 'set'))).toBe(false);
  });
});
