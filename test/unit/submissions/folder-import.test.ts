import { describe, expect, it } from 'vitest';
import { bidderForFolder, matchKey, planBidderImport, planFolderImport, type ChosenFile } from '../../../renderer/src/features/bids/import-plan';
import { runImport } from '../../../renderer/src/features/bids/run-import';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/submissions';

/* Planning a folder import in the renderer: which sub-folder is which bidder, and what is settled before any upload. */

const bidders = [
  { id: 'bidder-wandle', name: 'Wandle Community Health Alliance', reference: 'BID-001' },
  { id: 'bidder-south', name: 'South London Integrated Care Partnership', reference: 'BID-002' },
];
const file = (path: string, size = 100): ChosenFile => ({ name: path.split('/').pop()!, size, webkitRelativePath: path });

describe('matching sub-folders to bidders', () => {
  it('ignores case, accents and punctuation', () => {
    expect(matchKey('Wandle – Community Health Alliance!')).toBe(matchKey('wandle community health alliance'));
    expect(matchKey('Café Partners')).toBe('cafepartners');
  });

  it('matches by name, by bid reference, or by both together', () => {
    expect(bidderForFolder('wandle community health alliance', bidders)?.id).toBe('bidder-wandle');
    expect(bidderForFolder('bid 002', bidders)?.id).toBe('bidder-south');
    expect(bidderForFolder('BID-001 Wandle Community Health Alliance', bidders)?.id).toBe('bidder-wandle');
    expect(bidderForFolder('Wandle', bidders)).toBeNull();
    expect(bidderForFolder('---', bidders)).toBeNull();
  });

  it('matches no bidder when a folder fits more than one', () => {
    const twins = [...bidders, { id: 'bidder-twin', name: 'Twin', reference: 'BID-001' }];
    expect(bidderForFolder('BID-001', twins)).toBeNull();
  });
});

describe('planning a folder import', () => {
  it('groups files by the first sub-folder under the chosen root and settles what needs no upload', () => {
    const plan = planFolderImport(
      [
        file('bids/Wandle Community Health Alliance/governance.pdf'),
        file('bids/Wandle Community Health Alliance/annexes/finance.xlsx'),
        file('bids/BID-002/plan.docx'),
        file('bids/BID-002/huge.mp4', MAX_DOCUMENT_BYTES + 1),
        file('bids/BID-002/empty.txt', 0),
        file('bids/BID-002/.DS_Store'),
        file('bids/Late bidder/letter.pdf'),
        file('bids/cover note.txt'),
      ],
      bidders,
    );
    expect(plan.uploads.map((u) => [u.path, u.bidder.id])).toEqual([
      ['Wandle Community Health Alliance/governance.pdf', 'bidder-wandle'],
      ['Wandle Community Health Alliance/annexes/finance.xlsx', 'bidder-wandle'],
      ['BID-002/plan.docx', 'bidder-south'],
    ]);
    expect(plan.settled.map((e) => [e.path, e.outcome, e.detail])).toEqual([
      ['BID-002/huge.mp4', 'too-large', '25.01 MB'],
      ['BID-002/empty.txt', 'refused', 'the file is empty'],
      ['BID-002/.DS_Store', 'ignored', 'a system file, not evidence'],
      ['Late bidder/letter.pdf', 'no-bidder', 'no bidder is named “Late bidder”'],
      ['cover note.txt', 'no-bidder', 'not inside a bidder’s sub-folder'],
    ]);
  });

  it('plans files chosen for one bidder with the same checks', () => {
    const plan = planBidderImport([file('a.pdf'), file('b.pdf', MAX_DOCUMENT_BYTES + 1)], bidders[0]!);
    expect(plan.uploads.map((u) => u.path)).toEqual(['a.pdf']);
    expect(plan.settled.map((e) => e.outcome)).toEqual(['too-large']);
  });
});

describe('running an import', () => {
  it('uploads one file at a time, reporting progress, and records every outcome', async () => {
    const plan = planFolderImport([file('r/BID-001/a.pdf'), file('r/BID-001/b.pdf'), file('r/BID-001/c.pdf'), file('r/BID-001/d.pdf'), file('r/x/e.pdf')], bidders);
    let inFlight = 0;
    const progress: number[] = [];
    const entries = await runImport(
      plan,
      {
        read: async (f) => {
          if (f.name === 'c.pdf') throw new Error('The file could not be read');
          return new TextEncoder().encode('A');
        },
        add: async ({ file: f }) => {
          inFlight++;
          expect(inFlight).toBe(1);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
          if (f.name === 'd.pdf') return { ok: false, message: 'the document is empty' };
          const document = { id: 'doc-00000001', fileName: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), receivedAt: '', addedBy: '', addendumId: null };
          return { ok: true, duplicate: f.name === 'b.pdf', document };
        },
      },
      (done) => progress.push(done),
    );
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(entries.map((e) => [e.path, e.outcome, e.detail])).toEqual([
      ['x/e.pdf', 'no-bidder', 'no bidder is named “x”'],
      ['BID-001/a.pdf', 'imported', undefined],
      ['BID-001/b.pdf', 'duplicate', 'same content as “a.pdf”'],
      ['BID-001/c.pdf', 'unreadable', 'The file could not be read'],
      ['BID-001/d.pdf', 'refused', 'the document is empty'],
    ]);
  });
});
