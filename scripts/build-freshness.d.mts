export declare const BUILD_OUTPUTS: readonly string[];
export declare const BUILD_INPUT_DIRS: readonly string[];
export declare const BUILD_INPUT_FILES: readonly string[];
export type BuildDecision = { build: false } | { build: true; reason: 'missing' | 'changed'; path: string };
export declare function buildDecision(
  inputs: readonly { path: string; mtimeMs: number }[],
  outputs: readonly { path: string; mtimeMs: number | null }[],
): BuildDecision;
export declare function checkBuild(root: string): BuildDecision;
