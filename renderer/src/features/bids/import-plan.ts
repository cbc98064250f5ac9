import { MAX_DOCUMENT_BYTES } from '../../../../shared/api/submissions';
import { cleanedFileName, nameKey } from '../../../../shared/domain/names';

/** What the import needs of a browser File (kept minimal so the planning is plain, testable logic). */
export interface ChosenFile {
  name: string;
  size: number;
  webkitRelativePath: string;
}

export interface BidderRef {
  id: string;
  name: string;
  reference: string;
}

export type ImportOutcome = 'imported' | 'duplicate' | 'no-bidder' | 'too-large' | 'unreadable' | 'refused' | 'ignored';

/** One line of the import report. */
export interface ImportEntry {
  path: string;
  outcome: ImportOutcome;
  bidderName?: string;
  detail?: string;
}

export interface PlannedUpload<F extends ChosenFile> {
  file: F;
  path: string;
  bidder: BidderRef;
}

export interface ImportPlan<F extends ChosenFile> {
  uploads: PlannedUpload<F>[];
  /** Files settled without uploading: no matching bidder, too large, empty, or system files. */
  settled: ImportEntry[];
}

/**
 * Case-folded (nameKey: "STRASSE" meets "straße"), accents, punctuation and invisible characters dropped:
 * "Wandle – Health (BID-001)" and "wandle health bid001" compare alike. Letters of every script count.
 */
export const matchKey = (text: string): string =>
  nameKey(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The bidder a sub-folder is named after: by name, by bid reference, or both together; null if none or several. */
export function bidderForFolder(folder: string, bidders: readonly BidderRef[]): BidderRef | null {
  const key = matchKey(folder);
  if (!key) return null;
  const matches = bidders.filter((b) => {
    const name = matchKey(b.name);
    const reference = matchKey(b.reference);
    return key === name || (reference !== '' && [reference, reference + name, name + reference].includes(key));
  });
  return matches.length === 1 ? matches[0]! : null;
}

/** Files a computer adds to folders by itself, which are never evidence. */
const isSystemFile = (name: string) => name.startsWith('.') || ['thumbs.db', 'desktop.ini'].includes(name.toLowerCase());

/** Rounded up, so a file just over the limit never reads as "25.00 MB". */
const megabytesRoundedUp = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 100) / 100).toFixed(2);

/** Checks that need no upload, shared by folder and single-bidder imports. */
function settle<F extends ChosenFile>(file: F, path: string, bidder: BidderRef): ImportEntry | null {
  if (isSystemFile(cleanedFileName(file.name))) return { path, outcome: 'ignored', bidderName: bidder.name, detail: 'a system file, not evidence' };
  if (file.size > MAX_DOCUMENT_BYTES) return { path, outcome: 'too-large', bidderName: bidder.name, detail: `${megabytesRoundedUp(file.size)} MB` };
  if (file.size === 0) return { path, outcome: 'refused', bidderName: bidder.name, detail: 'the file is empty' };
  return null;
}

/**
 * A chosen folder is "root/<bidder sub-folder>/…/file": files are grouped by the first sub-folder under
 * the root and that folder's name is matched to a bidder. Files directly in the root belong to no bidder.
 */
export function planFolderImport<F extends ChosenFile>(files: readonly F[], bidders: readonly BidderRef[]): ImportPlan<F> {
  const plan: ImportPlan<F> = { uploads: [], settled: [] };
  for (const file of files) {
    // Names from disk are shown in the report without invisible or direction-changing characters.
    const parts = file.webkitRelativePath.split('/').map(cleanedFileName);
    const path = parts.slice(1).join('/') || cleanedFileName(file.name);
    const folder = parts.length > 2 ? parts[1]! : null;
    if (isSystemFile(cleanedFileName(file.name))) {
      plan.settled.push({ path, outcome: 'ignored', detail: 'a system file, not evidence' });
      continue;
    }
    const bidder = folder === null ? null : bidderForFolder(folder, bidders);
    if (!bidder) {
      const detail = folder === null ? 'not inside a bidder’s sub-folder' : `no bidder is named “${folder}”`;
      plan.settled.push({ path, outcome: 'no-bidder', detail });
      continue;
    }
    const settled = settle(file, path, bidder);
    if (settled) plan.settled.push(settled);
    else plan.uploads.push({ file, path, bidder });
  }
  return plan;
}

/** Files chosen for one bidder directly. */
export function planBidderImport<F extends ChosenFile>(files: readonly F[], bidder: BidderRef): ImportPlan<F> {
  const plan: ImportPlan<F> = { uploads: [], settled: [] };
  for (const file of files) {
    const path = cleanedFileName(file.name);
    const settled = settle(file, path, bidder);
    if (settled) plan.settled.push(settled);
    else plan.uploads.push({ file, path, bidder });
  }
  return plan;
}
