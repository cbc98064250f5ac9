import { ApiError } from '../../../shared/api/errors';
import { activeRole } from '../authorisation';
import type { HandlerContext } from '../context';
import { openEnvelope, readHeader } from './envelope';
import { findPack, nameOf, revocationOf, type PackRow } from './repo';
import { refuseReturn, ReturnPayloadSchema, type ReturnPayload } from './return-payload';

/*
 * Everything that must hold before a score return may touch the record: it is a score return; it was made
 * from a pack this installation issued for this evaluation; that pack is not revoked; not one byte changed
 * since the evaluator made it (the pack's return key authenticates header and contents); and it is the
 * pack's own evaluator, still on the panel, who speaks in it; and every time it carries is one at which the
 * app could have written it (see assertTimesPossible).
 */

const MAX_RETURN_PAYLOAD_BYTES = 128 * 1024 * 1024;
const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

export function verifyReturn(ctx: HandlerContext, evaluationId: string, file: Buffer): { pack: PackRow; payload: ReturnPayload } {
  const header = readHeader('score-return', file);
  const here = nameOf(ctx.db, 'evaluations', evaluationId);
  const pack = findPack(ctx.db, header.packId);
  const claimed = pack?.evaluationId ?? header.evaluationId;
  if (claimed !== evaluationId) {
    const other = nameOf(ctx.db, 'evaluations', claimed, '');
    throw new ApiError(
      'RULE_VIOLATION',
      other
        ? `This score return is for “${other}”, not “${here}”: import it there.`
        : `This score return is for a different evaluation, not “${here}”; it was not imported.`,
    );
  }
  if (!pack) {
    throw new ApiError(
      'FORBIDDEN',
      `This score return was made from a pack that was not issued by this installation, so its origin cannot be verified; it was not imported.`,
    );
  }
  const evaluatorName = nameOf(ctx.db, 'people', pack.evaluatorId);
  const revoked = revocationOf(ctx.db, pack.id);
  if (revoked) {
    throw new ApiError(
      'RULE_VIOLATION',
      `This score return comes from ${evaluatorName}’s pack that ${revoked.by} revoked on ${when(revoked.at)} (“${revoked.reason}”). ` +
        'Ask them to open the pack they were sent since, and send the return made from it.',
    );
  }
  const opened = openEnvelope('score-return', file, new Uint8Array(pack.returnKey), MAX_RETURN_PAYLOAD_BYTES);
  const parsed = ReturnPayloadSchema.safeParse(opened);
  if (!parsed.success) throw new ApiError('INVALID_PARAMS', 'The score return could not be read: it was made by a different version of the app.');
  const payload = parsed.data;
  if (payload.packId !== pack.id || payload.evaluationId !== pack.evaluationId || header.evaluationId !== pack.evaluationId) {
    throw new ApiError(
      'RULE_VIOLATION',
      'The score return does not match the pack it claims to come from; it cannot be trusted and was not imported.',
    );
  }
  if (payload.evaluatorId !== pack.evaluatorId || header.evaluatorId !== pack.evaluatorId) {
    const claimedName = nameOf(ctx.db, 'people', payload.evaluatorId, 'someone not known here');
    throw new ApiError(
      'FORBIDDEN',
      `This score return speaks for ${claimedName}, but the pack it comes from was issued to ${evaluatorName}; it was not imported.`,
    );
  }
  if (activeRole(ctx, evaluationId, pack.evaluatorId) !== 'evaluator') {
    throw new ApiError(
      'RULE_VIOLATION',
      `${evaluatorName} is no longer an evaluator on the panel of “${here}”, so their score return cannot be imported.`,
    );
  }
  assertTimesPossible(ctx, pack, payload, evaluatorName);
  return { pack, payload };
}

/** How far apart two computers' clocks may be: a time this much beyond either end still counts as within it. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** A time as the app writes it (Date.toISOString): UTC, to the millisecond. The record compares times as text. */
const APP_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Every time a return carries must be one at which the app could have written it: no later than now here
 * (allowing for clock skew), and no earlier than the evaluator had a pack — the return itself no earlier
 * than the pack it was made from; a declaration, score or seal no earlier than the first pack issued to the
 * evaluator for this evaluation, since the laptop keeps what was done with an earlier pack and sends it again
 * in every later return. A declaration already recorded here (one the evaluator made here, carried out in a
 * pack and back) is not judged by its time: it is held to the recorded one instead, when the return is merged.
 */
function assertTimesPossible(ctx: HandlerContext, pack: PackRow, payload: ReturnPayload, evaluatorName: string): void {
  const firstPackMade = (
    ctx.db
      .prepare('SELECT MIN(created_at) AS at FROM packs WHERE evaluation_id = ? AND evaluator_id = ?')
      .get(pack.evaluationId, pack.evaluatorId) as {
      at: string;
    }
  ).at;
  const now = ctx.now();
  const bidderName = new Map(
    (ctx.db.prepare('SELECT id, name FROM bidders WHERE evaluation_id = ?').all(pack.evaluationId) as { id: string; name: string }[]).map((b) => [
      b.id,
      b.name,
    ]),
  );
  const named = (bidderId: string) => bidderName.get(bidderId) ?? 'a bidder not in this evaluation';
  const recorded = ctx.db.prepare('SELECT 1 FROM declarations WHERE id = ?');

  const issues: string[] = [];
  const judge = (what: string, field: string, value: string, earliest: { at: string; what: string }) => {
    const t = Date.parse(value);
    if (!APP_TIME.test(value) || Number.isNaN(t)) {
      issues.push(`${what} has ${field} “${value}”, which is not a time as the app records one (UTC, to the millisecond)`);
    } else if (t < Date.parse(earliest.at) - CLOCK_SKEW_MS) {
      issues.push(`${what} has ${field} ${value}, before ${earliest.what} was made (${earliest.at}), so the app cannot have written it`);
    } else if (t > Date.parse(now) + CLOCK_SKEW_MS) {
      issues.push(
        `${what} has ${field} ${value}, later than the time here (${now}) by more than ${CLOCK_SKEW_MS / 60_000} minutes; ` +
          'the clock of the computer it was made on may be ahead, and the return can be imported once that time has passed here',
      );
    }
  };
  const firstPack = { at: firstPackMade, what: `the first pack issued to ${evaluatorName} for this evaluation` };
  judge('the return', 'exportedAt', payload.exportedAt, { at: pack.createdAt, what: 'the pack it comes from' });
  for (const d of payload.declarations)
    if (!recorded.get(d.id)) judge(`a declaration about ${named(d.bidderId)}`, 'declaredAt', d.declaredAt, firstPack);
  for (const e of payload.scoreEntries) judge(`a score for ${named(e.bidderId)}`, 'savedAt', e.savedAt, firstPack);
  for (const s of payload.seals) judge(`the seal of ${named(s.bidderId)}`, 'sealedAt', s.sealedAt, firstPack);
  if (issues.length > 0) refuseReturn(issues);
}
