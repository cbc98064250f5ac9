// The fuses of the packaged Electron binary, flipped by electron-builder's afterPack hook
// (electron.builder.yml → afterPack). https://www.electronjs.org/docs/latest/tutorial/fuses
//
// Not electron-builder's own `electronFuses` block: its schema (26.x) knows neither the ninth fuse
// (WasmTrapHandlers) nor `strictlyRequireAllFuses`, and flips with an @electron/fuses too old for the
// Electron we ship. Here every fuse is set explicitly and strictly: if a future Electron adds a fuse,
// packaging stops with "strictlyRequireAllFuses: …" until someone decides its value below.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Every fuse of FuseV1Options, by name, with the value the packaged app ships with. */
export const FUSE_SETTINGS = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter. The app
  // never needs it: only child_process.fork does, and the app forks nothing (worker threads and
  // Electron's utilityProcess work without it).
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key store (the Keychain on macOS, so sign mac builds).
  // The app sets no cookies; this protects anything Chromium itself ever keeps there.
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject --require scripts into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process, which holds the data.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows; Linux ignores it).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose resources/app folder dropped next to it; together with the
  // integrity check, no unvalidated code can run.
  OnlyLoadAppFromAsar: true,
  // A separate browser_v8_context_snapshot.bin for the main process: we ship no custom V8 snapshot,
  // and turning this on would make the main process look for a file that does not exist.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from app://bundle, never file://; file: pages get no extra powers.
  GrantFileProtocolExtraPrivileges: false,
  // Guard-page trap handlers for WebAssembly bounds checks, as Chromium ships. The app runs no wasm
  // (its CSP has no 'wasm-unsafe-eval'); turning them off would swap one memory-safety mechanism for
  // another (explicit bounds checks) and gain nothing here.
  WasmTrapHandlers: true,
};

/** The @electron/fuses configuration: every fuse by its index, strictly. */
export function fuseConfig({ resetAdHocDarwinSignature = false } = {}) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature };
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`electron-fuses: @electron/fuses has no fuse called ${name}`);
    config[index] = value;
  }
  return config;
}

const EXECUTABLE_SUFFIX = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' };

/** Where electron-builder left the app's Electron executable (the same rule as its own fuse step). */
export function packedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const suffix = EXECUTABLE_SUFFIX[electronPlatformName];
  if (suffix === undefined) throw new Error(`electron-fuses: unknown platform ${electronPlatformName}`);
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return join(appOutDir, `${name}${suffix}`);
}

function archName(arch) {
  const { Arch } = createRequire(import.meta.url)('builder-util');
  return Arch[arch];
}

/** electron-builder's afterPack hook: runs after the app is laid out and before it is signed. */
export default async function afterPack(context) {
  const executable = packedExecutable(context);
  // Flipping fuses breaks the ad-hoc signature every Apple-silicon binary must carry; re-sign it ad hoc
  // so an unsigned build still launches (a real signing identity, if any, signs over it afterwards).
  const macArm = ['darwin', 'mas'].includes(context.electronPlatformName) && ['arm64', 'universal'].includes(archName(context.arch));
  const slices = await flipFuses(executable, fuseConfig({ resetAdHocDarwinSignature: macArm }));
  console.log(`  • fuses set on ${executable} (${Object.keys(FUSE_SETTINGS).length} fuses, ${slices} slice${slices === 1 ? '' : 's'})`);
}
