import type { FuseV1Options } from '@electron/fuses';

export declare const FUSE_SETTINGS: Readonly<Record<keyof typeof FuseV1Options, boolean>>;
export declare function fuseConfig(options?: { resetAdHocDarwinSignature?: boolean }): Record<string | number, unknown>;
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
export declare function packedExecutable(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
