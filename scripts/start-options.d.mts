export interface StartOptions {
  help: boolean;
  web: boolean;
  dataDir: string | null;
  port: number | null;
  open: boolean;
}
export declare const START_HELP: string;
export declare class StartUsageError extends Error {}
export declare function parseStartArgs(argv: readonly string[]): StartOptions;
export declare function desktopArgs(options: StartOptions): string[];
export declare function webHostArgs(options: StartOptions): string[];
