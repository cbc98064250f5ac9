export interface DependencyRange {
  name: string;
  range: string;
}
export interface NodeRangeDisagreement {
  version: string;
  allowedByEngines: boolean;
  blockers: DependencyRange[];
}
export declare function lockedEngineRanges(lock: unknown): DependencyRange[];
export declare function nodeRangeDisagreements(engines: string, dependencyRanges: readonly DependencyRange[]): NodeRangeDisagreement[];
export declare function lowestNodeVersion(range: string): string | null;
