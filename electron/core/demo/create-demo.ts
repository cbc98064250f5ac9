import type { MemberRole, PanelRole } from '../../../shared/api/evaluations';
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

export function createDemoEvaluation(ctx: HandlerContext): { evaluationId: string; leadPersonId: string } {
  const at = ctx.now();
  const existing = new Map(listPeople(ctx.db).map((p) => [p.name, p.id]));
  const ids = DEMO_PANEL.map(({ name }) => {
    const known = existing.get(name);
    if (known) return known;
    const id = ctx.newId();
    insertPerson(ctx.db, { id, name, createdAt: at });
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
  return { evaluationId, leadPersonId: leadId };
}
