import ExcelJS from 'exceljs';
import { listCriteria } from '../../../shared/domain/framework';
import { withDemoPassphrases, type TestCore } from '../support/core';

/*
 * The score-sheet story's starting point: the demo evaluation open for scoring. Alice is clear for both
 * bidders, Ben for the first and recused from the second, Chen has declared nothing yet.
 */

export const RATIONALE = 'Section 2 of the response evidences a partnership board with signed terms of reference.';

async function declare(t: TestCore, evaluationId: string, personId: string, bidderId: string, kind: 'none' | 'actual') {
  const mine = await t.call(personId, 'conflicts.mine', { evaluationId });
  for (const subject of mine.find((b) => b.bidderId === bidderId)!.subjects) {
    const conflicted = kind === 'actual' && subject.memberId === null;
    await t.call(personId, 'conflicts.declare', {
      evaluationId,
      bidderId,
      memberId: subject.memberId,
      kind: conflicted ? 'actual' : 'none',
      description: conflicted ? 'I was a non-executive director of the lead organisation until last year.' : '',
    });
  }
}

export async function sheetScene(t: TestCore) {
  const { evaluationId, leadPersonId: leadId } = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
  const evaluation = await t.call(leadId, 'evaluations.openScoring', { evaluationId });
  const person = (name: string) => evaluation.panel.find((m) => m.name.startsWith(name))!.personId;
  const [alice, ben, chen] = [person('Alice'), person('Ben'), person('Chen')];
  const bidder = (name: string) => evaluation.bidders.find((b) => b.name.startsWith(name))!;
  const [wandle, southLondon] = [bidder('Wandle'), bidder('South London')];
  for (const bidder of [wandle, southLondon]) await declare(t, evaluationId, alice, bidder.id, 'none');
  await declare(t, evaluationId, ben, wandle.id, 'none');
  await declare(t, evaluationId, ben, southLondon.id, 'actual');
  const criteria = listCriteria(evaluation.framework).map((c) => c.id);
  return { evaluationId, leadId, alice, ben, chen, wandle, southLondon, criteria, evaluation, declare: declare.bind(null, t, evaluationId) };
}

export type Scene = Awaited<ReturnType<typeof sheetScene>>;

export async function generate(t: TestCore, s: Scene, evaluatorId = s.alice) {
  const file = await t.call(s.leadId, 'scoreSheets.generate', { evaluationId: s.evaluationId, evaluatorId });
  return { file, workbook: await load(file.content) };
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export const save = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** The first criterion row, as the generator lays sheets out; the seal cell is one blank row below the last. */
export const FIRST_ROW = 6;
export const sealAddress = (criteria: number) => `E${FIRST_ROW + criteria + 1}`;

/** Fills every criterion of one bidder sheet (score from `scoreOf`, a long-enough rationale) and sets the seal. */
export function fillSheet(
  sheet: ExcelJS.Worksheet,
  criteria: number,
  opts: { scoreOf?: (i: number) => number; seal?: 'Yes' | 'No'; rows?: number } = {},
) {
  const scoreOf = opts.scoreOf ?? ((i) => i % 6);
  for (let i = 0; i < (opts.rows ?? criteria); i++) {
    sheet.getCell(`E${FIRST_ROW + i}`).value = scoreOf(i);
    sheet.getCell(`F${FIRST_ROW + i}`).value = `${RATIONALE} Criterion ${i + 1}.`;
  }
  sheet.getCell(sealAddress(criteria)).value = opts.seal ?? 'No';
}

export const WANDLE = 'Wandle Community Health…';
export const SOUTH_LONDON = 'South London Integrated Care…';

export const importAs = (s: Scene, content: Uint8Array, evaluatorId = s.alice) => ({ evaluationId: s.evaluationId, evaluatorId, content });
