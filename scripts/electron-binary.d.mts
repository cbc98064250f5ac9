export declare function installedElectronBinary(projectRoot: string): string | null;
export declare function electronInstallScript(projectRoot: string): string;
