/**
 * How long someone must wait after `failures` wrong passphrases in a row: nothing for the first three, then
 * 2, 4, 8 … seconds, at most five minutes. Each attempt also costs a second of scrypt.
 */
export function waitAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 2 ** (failures - 2));
}
