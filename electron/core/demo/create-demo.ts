import { randomBytes } from 'node:crypto';
import type { MemberRole, PanelRole } from '../../../shared/api/evaluations';
import { ApiError } from '../../../shared/api/errors';
import { hashPassphrase, type StoredHash } from '../identity/passphrase-hash';
import { demoPeople, insertCredential, markDemoPerson } from '../identity/repo';
import { defaultSettings } from '../../../shared/domain/settings';
import { insertBidder, insertMember } from '../bidders/repo';
import type { HandlerContext } from '../context';
import { insertEvaluation, insertSettings } from '../evaluations/repo';
import { BUILT_IN_FRAMEWORKS } from '../frameworks/built-in';
import { findFramework } from '../frameworks/repo';
import { addMembership } from '../panel/repo';
import { insertPerson, listPeople } from '../people/repo';
import { insertResponse } from '../submissions/repo';
import { DEMO_RESPONSES } from './demo-responses';
import { nameKey } from '../../../shared/domain/names';

/** Fictional people and organisations: a newcomer sees a realistic panel without any real names. */
const DEMO_PANEL: { name: string; role: PanelRole }[] = [
  { name: 'Priya Shah (demo)', role: 'lead' },
  { name: 'Tom Okafor (demo)', role: 'moderator' },
  { name: 'Alice Jones (demo)', role: 'evaluator' },
  { name: 'Ben Carter (demo)', role: 'evaluator' },
  { name: 'Chen Li (demo)', role: 'evaluator' },
];

const DEMO_BIDDERS: { name: string; reference: string; members: { organisation: string; role: MemberRole }[] }[] = [
  {
    name: 'Wandle Community Health Alliance',
    reference: 'BID-001',
    members: [
      { organisation: 'Wandle Valley Community NHS Trust', role: 'lead' },
      { organisation: 'Morden Borough Council Adult Services', role: 'partner' },
      { organisation: 'Mitcham Carers Network (charity)', role: 'partner' },
      { organisation: 'Colliers Wood Therapy Services Ltd', role: 'subcontractor' },
    ],
  },
  {
    name: 'South London Integrated Care Partnership',
    reference: 'BID-002',
    members: [
      { organisation: 'Riverside Healthcare NHS Foundation Trust', role: 'lead' },
      { organisation: 'Raynes Park Community Interest Company', role: 'partner' },
      { organisation: 'Beddington Digital Health Ltd', role: 'subcontractor' },
    ],
  },
];

export interface DemoPassphrases {
  /** In DEMO_PANEL's order. */
  passphrases: string[];
  hashes: StoredHash[];
}

/** A fresh random passphrase per demo profile (about 75 bits), hashed before the write transaction. */
export async function prepareDemoPassphrases(ctx: HandlerContext): Promise<DemoPassphrases> {
  demoProfilesOrRefuse(ctx);
  const passphrases = DEMO_PANEL.map(() => randomPassphrase());
  const hashes: StoredHash[] = [];
  for (const passphrase of passphrases) hashes.push(await hashPassphrase(passphrase, ctx.profileKdfLogN));
  return { passphrases, hashes };
}

const randomPassphrase = () =>
  [...randomBytes(16)]
    .map((b) => String.fromCharCode(97 + (b % 26)))
    .join('')
    .replace(/(.{4})(?!$)/g, '$1-');

/**
 * The demo is made once per installation: making it again would hand out new passphrases for profiles that
 * may hold unsealed work. A real profile with a demo name is never taken over either.
 */
function demoProfilesOrRefuse(ctx: HandlerContext): Map<string, string> {
  const demo = demoPeople(ctx.db);
  if (demo.size > 0) {
    throw new ApiError('CONFLICT', 'The demo evaluation already exists on this computer. Its profiles keep the passphrases shown when it was made; the installation administrator can set new ones.');
  }
  // Keyed by nameKey: a real "priya shah (demo)" blocks the demo's "Priya Shah (demo)" as surely as an exact match.
  const existing = new Map(listPeople(ctx.db).map((p) => [nameKey(p.name), p.id]));
  for (const { name } of DEMO_PANEL) {
    const id = existing.get(nameKey(name));
    if (id && !demo.has(id)) throw new ApiError('CONFLICT', `There is already a profile called “${name}” that the demo did not make, so the demo cannot be created here.`);
  }
  return existing;
}

export function createDemoEvaluation(ctx: HandlerContext, prepared: DemoPassphrases) {
  const at = ctx.now();
  const existing = demoProfilesOrRefuse(ctx);
  const ids = DEMO_PANEL.map(({ name }, i) => {
    let id = existing.get(nameKey(name));
    if (!id) {
      id = ctx.newId();
      insertPerson(ctx.db, { id, name, createdAt: at });
      markDemoPerson(ctx.db, id);
    }
    // A demo made again gets new passphrases too, so the ones shown are always the ones that work.
    insertCredential(ctx.db, { personId: id, hash: prepared.hashes[i]!, kind: 'chosen', at, by: null });
    return id;
  });
  const leadId = ids[0]!;
  const framework = BUILT_IN_FRAMEWORKS[0]!;
  const source = findFramework(ctx.db, `builtin-${framework.id}`)!;
  const evaluationId = ctx.newId();
  insertEvaluation(ctx.db, {
    id: evaluationId,
    name: 'Demo: Merton integrated community services',
    reference: 'DEMO-ICS-2020',
    framework: source.framework,
    sourceId: source.summary.id,
    sourceRevision: source.summary.revision,
    at,
    by: leadId,
  });
  const settings = defaultSettings(source.framework);
  settings.thresholds = [{ id: 'developing-min-2', areaId: null, stageId: 'developing', minScore: 2 }];
  insertSettings(ctx.db, evaluationId, settings, at, leadId);
  DEMO_PANEL.forEach(({ role }, i) => addMembership(ctx.db, { id: ctx.newId(), evaluationId, personId: ids[i]!, role, at, by: leadId }));
  for (const bidder of DEMO_BIDDERS) {
    const bidderId = ctx.newId();
    insertBidder(ctx.db, { id: bidderId, evaluationId, name: bidder.name, reference: bidder.reference, at, by: leadId });
    for (const m of bidder.members) insertMember(ctx.db, { id: ctx.newId(), bidderId, ...m, at, by: leadId });
    for (const area of source.framework.areas) {
      const text = DEMO_RESPONSES[bidder.reference]?.[area.id];
      if (text) insertResponse(ctx.db, { bidderId, areaId: area.id, text, at, by: leadId });
    }
  }
  const profiles = DEMO_PANEL.map(({ name, role }, i) => ({ personId: ids[i]!, name, role: ROLE_WORDS[role], passphrase: prepared.passphrases[i]! }));
  return { evaluationId, leadPersonId: leadId, profiles };
}

const ROLE_WORDS: Record<PanelRole, string> = { lead: 'procurement lead', moderator: 'moderator', evaluator: 'evaluator' };
