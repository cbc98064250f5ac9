import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/contract';
import { listCriteria } from '../../../shared/domain/framework';
import type { HandlerContext } from '../context';
import { evaluationDetail } from '../evaluations/repo';
import { assertMayScoreBySheet, biddersToScore } from './eligibility';
import { fingerprintOf, sheetNames } from './layout';
import { newMetadata } from './metadata';
import { insertScoreSheet } from './repo';
import { writeScoreSheet } from './write-workbook';

const slug = (text: string, fallback: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || fallback;

/**
 * Makes an evaluator's score sheet and keeps its record (structure fingerprint and metadata key) in the
 * store, so that only a sheet generated here, for this evaluator, can be imported. See write-workbook.ts.
 */
export async function generateScoreSheet(ctx: HandlerContext, evaluationId: string, evaluatorId: string): Promise<Result<'scoreSheets.generate'>> {
  const name = assertMayScoreBySheet(ctx, evaluationId, evaluatorId);
  const evaluation = evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
  const { included, leftOut } = biddersToScore(ctx, evaluationId, evaluatorId, evaluation.bidders);
  if (included.length === 0) {
    throw new ApiError(
      'RULE_VIOLATION',
      `There is no bidder for ${name} to score in a score sheet: not declared against ${leftOut.undeclared}, recused from ${leftOut.recused}, ` +
        `already sealed ${leftOut.sealed}. Bidders they have not declared against are not included; they declare in the app.`,
    );
  }
  const criterionIds = listCriteria(evaluation.framework).map((c) => c.id);
  const names = sheetNames(included.map((b) => b.name));
  const sheets = included.map((bidder, i) => ({ sheetName: names[i]!, bidderId: bidder.id, criterionIds, bidder }));
  const layout = sheets.map(({ sheetName, bidderId }) => ({ sheetName, bidderId, criterionIds }));
  const macKey = randomBytes(32).toString('hex');
  const record = {
    id: ctx.newId(),
    evaluationId,
    evaluatorId,
    layout,
    fingerprint: fingerprintOf(layout),
    macKey,
    generatedAt: ctx.now(),
    generatedBy: ctx.actor!.id,
  };
  const meta = newMetadata(
    { sheetId: record.id, evaluationId, evaluatorId, generatedAt: record.generatedAt, fingerprint: record.fingerprint },
    macKey,
  );

  const buffer = await writeScoreSheet({
    evaluation: { name: evaluation.name, reference: evaluation.reference },
    evaluatorName: name,
    framework: evaluation.framework,
    settings: evaluation.settings,
    sheets,
    leftOut,
    meta,
    password: randomBytes(18).toString('base64url'),
  });
  // A read that leaves a record: written once the workbook exists, so a failed generation leaves none.
  ctx.db.transaction(() => insertScoreSheet(ctx.db, record)).immediate();
  return {
    fileName: `${slug(evaluation.name, 'evaluation')}-${slug(name, 'evaluator')}-score-sheet.xlsx`,
    content: buffer,
    bytes: buffer.byteLength,
    bidders: sheets.map((s) => ({ bidderId: s.bidderId, bidderName: s.bidder.name, sheetName: s.sheetName })),
    leftOut,
  };
}
