import { describe, expect, it } from 'vitest';
import { bidderForFolder, matchKey, planBidderImport, planFolderImport, type ChosenFile } from '../../../renderer/src/features/bids/import-plan';

/* A folder of bids read from disk: folder and file names are matched by Unicode case folding and shown without invisible characters. */

const bidders = [
  { id: 'bidder-strasse', name: 'Straße Care', reference: 'BID-001' },
  { id: 'bidder-tokyo', name: '東京ケア', reference: 'BID-002' },
];
const file = (path: string): ChosenFile => ({ name: path.split('/').pop()!, size: 100, webkitRelativePath: path });

describe('folder names from disk', () => {
  it('match a bidder under full case folding, in any script, whatever invisible characters they hold', () => {
    expect(matchKey('STRASSE CARE')).toBe(matchKey('Straße Care'));
    expect(bidderForFolder('STRASSE\u200B CARE', bidders)?.id).toBe('bidder-strasse');
    expect(bidderForFolder('東京ケア', bidders)?.id).toBe('bidder-tokyo');
    expect(bidderForFolder('大阪ケア', bidders)).toBeNull();
  });

  it('are reported without bidi overrides, so a name cannot display reversed in the import report', () => {
    const plan = planFolderImport([file('bids/STRASSE CARE/invoice\u202Efdp.exe'), file('bids/Late\u202E bidder/letter.pdf')], bidders);
    expect(plan.uploads.map((u) => [u.path, u.bidder.id])).toEqual([['STRASSE CARE/invoicefdp.exe', 'bidder-strasse']]);
    expect(plan.settled.map((e) => [e.path, e.detail])).toEqual([['Late bidder/letter.pdf', 'no bidder is named “Late bidder”']]);
  });

  it('still ignore a system file hidden behind a zero-width space', () => {
    const plan = planBidderImport([file('\u200B.DS_Store')], bidders[0]!);
    expect(plan.settled).toEqual([{ path: '.DS_Store', outcome: 'ignored', bidderName: 'Straße Care', detail: 'a system file, not evidence' }]);
  });
});
