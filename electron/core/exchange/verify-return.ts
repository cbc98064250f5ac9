import { ApiError } from '../../../shared/api/errors';
import { activeRole } from '../authorisation';
import type { HandlerContext } from '../context';
import { openEnvelope, readHeader } from './envelope';
import { findPack, nameOf, revocationOf, type PackRow } from './repo';
import { ReturnPayloadSchema, type ReturnPayload } from './return-payload';

/*
 * Everything that must hold before a score return may touch the record: it is a score return; it was made
 * from a pack this installation issued for this evaluation; that pack is not revoked; not one byte changed
 * since the evaluator made it (the pack's return key authenticates header and contents); and it is the
 * pack's own evaluator, still on the panel, who speaks in it.
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
  return { pack, payload };
}
