/*
 * The synthetic evaluation every figure of `npm run bench` is measured on, and its seeding, at two sizes:
 * today's (1×) and four times the scores (4×), grown the way an evaluation grows — by bidders.
 *
 *                 1×                                4×
 *   framework     10 capability areas × 3 stages = 30 criteria, 2 guidance questions per area and 3 evidence
 *                 indicators per area × stage (the first with 2 nested ones): a valid FrameworkSchema.
 *   panel         1 procurement lead, 1 moderator, 12 evaluators (and 2 more profiles, for writes.ts and
 *                 score-sheet-import.ts, not on the panel while seeding).
 *   bidders       60                                240
 *                 each a consortium (lead organisation + partner, every third one also a subcontractor:
 *                 200 / 800 declaration subjects), with 60 MiB of evidence in all, whatever the size, so an
 *                 evaluator's pack is about 60 MiB at both sizes: 1 MiB / 256 KiB per bidder (half a PDF,
 *                 half a .docx, incompressible bytes, as real PDFs and Office files mostly are).
 *   set-up        aggregation "mean" (so every criterion has a score that counts without consensus records,
 *                 and sensitivity has bidders × 30 × 2 moves to try), tie-break by the Thriving sub-total,
 *                 one threshold (a Developing criterion below 2 fails), scale 0–5.
 *   scores        12 × 60 × 30 = 21,600             12 × 240 × 30 = 86,400
 *                 sealed scores, each with a ~500-character rationale, one evidence reference to the bidder's
 *                 PDF and two indicator marks; 720 / 2,880 seals.
 *
 * Seeding goes through the real contract (core.dispatch, in process, on a fresh data folder) for the
 * set-up: session.register (each person adds their own profile with a passphrase and acts through their
 * session; the seeding core hashes those passphrases at a low scrypt cost, SEED_KDF_LOG_N, since seeding is
 * not measured and each hash keeps its own parameters), frameworks.import, evaluations.create, saveRules/saveThresholds, panel.add,
 * bidders.add, documents.add, evaluations.openScoring and conflicts.declare ("no conflict") for every
 * subject by every evaluator and the moderator. The scores are then written by the app's own bulk write
 * path (scoring/repo insertEntry + insertSeal in one IMMEDIATE transaction, as merge-return and the score
 * sheet import do) — that write is itself the "inserting all scores" measurement (insert.ts). So the
 * seeded store holds no audit entries for the saves and seals (scoring.save through dispatch would add a
 * row to audit_log per score); no measured read touches the audit trail.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { Core } from '../electron/core';
import type { MethodName, Params, Result } from '../shared/api/contract';
import type { Person } from '../shared/api/people';
import type { ScoreEntry } from '../shared/api/scoring';
import { listCriteria, type Framework } from '../shared/domain/framework';
import type { IndicatorMark } from '../shared/domain/scoring';

/** The two sizes the bench measures: today's, and four times the bidders (so four times the scores). */
export type Scale = 1 | 4;
export const SCALES: readonly Scale[] = [1, 4];

export interface BenchSize {
  scale: Scale;
  areas: number;
  stages: number;
  bidders: number;
  evaluators: number;
  documentBytesPerBidder: number;
}

const RATIONALE_CHARS = 500;
/** Every bid's documents together: an evaluator's pack carries them all, so it is about this size at both scales. */
const DOCUMENT_BYTES_IN_ALL = 60 * 1024 * 1024;

export function benchSize(scale: Scale): BenchSize {
  const bidders = 60 * scale;
  return { scale, areas: 10, stages: 3, bidders, evaluators: 12, documentBytesPerBidder: DOCUMENT_BYTES_IN_ALL / bidders };
}

const STAGES = [
  { id: 'developing', label: 'Developing', horizon: 'Within the first year' },
  { id: 'maturing', label: 'Maturing', horizon: 'Years two and three' },
  { id: 'thriving', label: 'Thriving', horizon: 'Year four onwards' },
] as const;

const AREA_TITLES = [
  'Governance and leadership',
  'Transformation and change',
  'Culture and continuous improvement',
  'Managing resources',
  'Workforce and organisational development',
  'Digital, data and information governance',
  'Partnership working and integration',
  'Quality, safety and safeguarding',
  'Population health and inequalities',
  'Engagement with residents and carers',
];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** 10 areas × 3 stages, a few evidence indicators each (one of them with nested ones). */
export function syntheticFramework(size: BenchSize): Framework {
  return {
    schemaVersion: 1,
    id: 'bench-ics-capability',
    name: 'Benchmark integrated care capability framework',
    source: 'Synthetic framework generated by bench/synthetic.ts',
    notes: ['Generated for performance measurement; not a real procurement framework.'],
    stages: STAGES.map((s) => ({ ...s })),
    areas: AREA_TITLES.slice(0, size.areas).map((title, a) => {
      const areaId = slug(title);
      return {
        id: areaId,
        title,
        questions: [
          `How does the partnership evidence its capability in ${title.toLowerCase()}?`,
          `What will change for residents as the partnership matures in ${title.toLowerCase()}?`,
        ],
        indicators: Object.fromEntries(
          STAGES.map((stage) => [
            stage.id,
            [1, 2, 3].map((k) => ({
              id: `a${a + 1}-${stage.id}-${k}`,
              text: `${stage.label} indicator ${k} for ${title.toLowerCase()}: the bid shows documented, owned and reviewed arrangements.`,
              children:
                k === 1
                  ? [1, 2].map((n) => ({ id: `a${a + 1}-${stage.id}-${k}-${n}`, text: `Supporting evidence ${n} is dated and signed off.`, children: [] }))
                  : [],
            })),
          ]),
        ),
      };
    }),
  };
}

/* --------------------------------------------------------------------------------------------------
 * Deterministic content: the same evaluation on every run, so figures compare over time.
 * ------------------------------------------------------------------------------------------------ */

/** A number in [0, 1) from any key: stable across runs and machines. */
export const unit = (...key: (string | number)[]): number => createHash('sha256').update(key.join('|')).digest().readUInt32BE(0) / 2 ** 32;

/** Incompressible but reproducible bytes (AES-256-CTR keystream), behind a file signature. */
export function documentBytes(seed: string, size: number, signature: Buffer): Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const body = Buffer.concat([cipher.update(Buffer.alloc(size - signature.length)), cipher.final()]);
  return Buffer.concat([signature, body]);
}

const SENTENCES = [
  'The response cites the partnership board terms of reference and the escalation routes set out in the annex.',
  'Minutes from the last three board meetings show decisions being taken, recorded and followed up.',
  'The consortium lead holds the contract, and the partners’ roles are written into a signed alliance agreement.',
  'A named executive owns delivery, with quarterly reporting to the integrated care board.',
  'The evidence is specific, dated and verifiable, although the risk register is a year old.',
  'Resident engagement is described in detail, with examples of changes made after feedback.',
  'The workforce plan names vacancies, a recruitment timetable and the training budget for each year.',
  'Financial controls are described, but the efficiency targets lack a baseline to measure against.',
  'Data sharing agreements are in place between the trusts, and the information governance lead is named.',
  'The improvement methodology is named and the bid gives two worked examples with measured outcomes.',
  'Safeguarding arrangements follow the local multi-agency procedures and cite the most recent audit.',
  'The mobilisation plan is realistic, with milestones the panel could check at the first contract review.',
  'The voluntary sector partner brings reach into communities the statutory partners find hard to engage.',
  'Some claims are not backed by documents in the bid, which limits the confidence the panel can have.',
];

/** A rationale of about `chars` characters (±20), specific to the evaluator, bidder and criterion. */
export function rationaleFor(evaluator: number, bidderName: string, criterionLabel: string, score: number, chars: number = RATIONALE_CHARS): string {
  let text = `Score ${score} for ${bidderName} on ${criterionLabel}.`;
  let i = 0;
  while (text.length < chars - 20) {
    const s = SENTENCES[Math.floor(unit(evaluator, bidderName, criterionLabel, i++) * SENTENCES.length)]!;
    text += ` ${s}`;
  }
  return text.length > chars + 20 ? `${text.slice(0, text.lastIndexOf(' ', chars))}.` : text;
}

/* --------------------------------------------------------------------------------------------------
 * Seeding through the real contract.
 * ------------------------------------------------------------------------------------------------ */

export interface Seeded {
  size: BenchSize;
  evaluationId: string;
  leadId: string;
  moderatorId: string;
  evaluatorIds: string[];
  /**
   * A 13th evaluator's profile, made while seeding (its passphrase hashed at the seeding cost) but not on the
   * panel: writes.ts adds them after the reads, and they sign in once over HTTP.
   */
  laterEvaluatorId: string;
  /** A 15th evaluator's profile, not on the panel while seeding: score-sheet-import.ts adds them and imports their sheet. */
  sheetEvaluatorId: string;
  framework: Framework;
  bidders: { id: string; name: string; pdfId: string; docxId: string }[];
  /** Declarations recorded while seeding (every evaluator and the moderator, every subject). */
  declarations: number;
}

export type Caller = <M extends MethodName>(actorId: string | null, method: M, params: Params<M>) => Promise<Result<M>>;

/** Every seeded profile's passphrase (the bench signs each person in with it). */
export const BENCH_PASSPHRASE = 'heron quartz ladder ninety';
/** scrypt cost (log2 N) for the seeded profiles' passphrases: seeding is not measured (the app's default is 17). */
export const SEED_KDF_LOG_N = 10;

/** A Caller that acts as people through their sessions, and adds profiles. */
export interface SessionCaller extends Caller {
  /** Adds a profile with BENCH_PASSPHRASE (session.register), signed in. */
  register(name: string): Promise<Person>;
  /** Has a person's calls carry a session the core handed out elsewhere (exchange.openPack making their profile). */
  keep(personId: string, sessionId: string): void;
}

/**
 * Calls the core as a person and throws on a refusal: the seed must be exactly what was asked for. The
 * core knows people only by their session: each is signed in (session.signIn with BENCH_PASSPHRASE) the
 * first time they act, and their calls then carry that session.
 */
export function callerFor(core: Pick<Core, 'dispatch'>): SessionCaller {
  const sessions = new Map<string, string>();
  const dispatch = async (sessionId: string | null, method: string, params: unknown): Promise<unknown> => {
    const outcome = await core.dispatch(sessionId, method, params);
    if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  };
  const sessionOf = async (personId: string): Promise<string> => {
    const known = sessions.get(personId);
    if (known) return known;
    const answer = (await dispatch(null, 'session.signIn', { personId, passphrase: BENCH_PASSPHRASE })) as Result<'session.signIn'>;
    if (!answer.signedIn) throw new Error(`signing in ${personId} refused: ${answer.message}`);
    sessions.set(personId, answer.sessionId);
    return answer.sessionId;
  };
  const call = (async (actorId: string | null, method: MethodName, params: unknown) =>
    dispatch(actorId === null ? null : await sessionOf(actorId), method, params)) as Caller;
  return Object.assign(call, {
    async register(name: string): Promise<Person> {
      const info = (await dispatch(null, 'session.register', { name, passphrase: BENCH_PASSPHRASE })) as Result<'session.register'>;
      sessions.set(info.person.id, info.sessionId);
      return info.person;
    },
    keep(personId: string, sessionId: string): void {
      sessions.set(personId, sessionId);
    },
  });
}

const progress = (text: string) => console.log(`  · ${text}`);

/** Declares "no conflict" against every bidder and current member not yet declared against. */
export async function declareClear(call: Caller, evaluationId: string, personId: string): Promise<number> {
  let n = 0;
  for (const bidder of await call(personId, 'conflicts.mine', { evaluationId })) {
    for (const subject of bidder.subjects) {
      if (subject.current) continue;
      await call(personId, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: subject.memberId, kind: 'none', description: '' });
      n++;
    }
  }
  return n;
}

export async function seedSetUp(core: Pick<Core, 'dispatch'>, size: BenchSize): Promise<Seeded> {
  const call = callerFor(core);
  const started = performance.now();
  const lead = await call.register('Priya Procurement-Lead');
  const moderator = await call.register('Morgan Moderator');
  const evaluators = [];
  for (let e = 0; e < size.evaluators; e++) evaluators.push(await call.register(`Evaluator ${String(e + 1).padStart(2, '0')}`));
  const laterEvaluator = await call.register('Evaluator 13 (bench)');
  const sheetEvaluator = await call.register('Evaluator 15 (score sheet)');

  const imported = await call(lead.id, 'frameworks.import', { json: JSON.stringify(syntheticFramework(size)) });
  const evaluation = await call(lead.id, 'evaluations.create', { name: 'Benchmark community services 2027', reference: 'BENCH-27', frameworkId: imported.id });
  const evaluationId = evaluation.id;
  const detail = await call(lead.id, 'evaluations.get', { evaluationId });
  await call(lead.id, 'evaluations.saveRules', {
    evaluationId,
    rules: { ...detail.settings.rules, aggregation: 'mean', tieBreak: { kind: 'stage-subtotal', stageId: 'thriving' } },
  });
  await call(lead.id, 'evaluations.saveThresholds', { evaluationId, thresholds: [{ id: 'developing-minimum', areaId: null, stageId: 'developing', minScore: 2 }] });
  await call(lead.id, 'panel.add', { evaluationId, personId: moderator.id, role: 'moderator' });
  for (const e of evaluators) await call(lead.id, 'panel.add', { evaluationId, personId: e.id, role: 'evaluator' });
  progress(`framework, evaluation and panel of ${2 + evaluators.length} (${Math.round(performance.now() - started)} ms)`);

  const bidders: Seeded['bidders'] = [];
  const half = size.documentBytesPerBidder / 2;
  const digits = String(size.bidders).length;
  for (let b = 0; b < size.bidders; b++) {
    const short = `Bidder ${String(b + 1).padStart(digits, '0')}`;
    const name = `${short} Health and Care Partnership`;
    const members = [
      { organisation: `${short} NHS Foundation Trust`, role: 'lead' as const },
      { organisation: `${short} Community Interest Company`, role: 'partner' as const },
      ...(b % 3 === 0 ? [{ organisation: `${short} Carers Network`, role: 'subcontractor' as const }] : []),
    ];
    const after = await call(lead.id, 'bidders.add', { evaluationId, name, reference: `BID-${String(b + 1).padStart(3, '0')}`, members });
    const bidderId = after.bidders.find((x) => x.name === name)!.id;
    const pdf = documentBytes(`bidder-${b}-pdf`, half, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    const docx = documentBytes(`bidder-${b}-docx`, half, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const pdfDoc = await call(lead.id, 'documents.add', {
      evaluationId,
      bidderId,
      fileName: 'capability-response.pdf',
      mediaType: 'application/pdf',
      content: pdf,
    });
    const docxDoc = await call(lead.id, 'documents.add', {
      evaluationId,
      bidderId,
      fileName: 'partnership-agreement.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: docx,
    });
    bidders.push({ id: bidderId, name, pdfId: pdfDoc.document.id, docxId: docxDoc.document.id });
    if ((b + 1) % (20 * size.scale) === 0)
      progress(`${b + 1} of ${size.bidders} bidders with ${(size.documentBytesPerBidder / 1024).toFixed(0)} KiB of documents each (${Math.round(performance.now() - started)} ms)`);
  }

  await call(lead.id, 'evaluations.openScoring', { evaluationId });
  let declarations = 0;
  for (const [i, person] of [moderator, ...evaluators].entries()) {
    declarations += await declareClear(call, evaluationId, person.id);
    if ((i + 1) % 4 === 0 || i === evaluators.length) progress(`${i + 1} of ${evaluators.length + 1} panel members declared (${declarations} declarations, ${Math.round(performance.now() - started)} ms)`);
  }
  return {
    size,
    evaluationId,
    leadId: lead.id,
    moderatorId: moderator.id,
    evaluatorIds: evaluators.map((e) => e.id),
    laterEvaluatorId: laterEvaluator.id,
    sheetEvaluatorId: sheetEvaluator.id,
    framework: detail.framework,
    bidders,
    declarations,
  };
}

/* --------------------------------------------------------------------------------------------------
 * The sealed scores (21,600 at 1×), in memory: what the bulk write path and the bare baseline both insert.
 * ------------------------------------------------------------------------------------------------ */

export interface SealedSet {
  evaluationId: string;
  bidderId: string;
  evaluatorId: string;
  /** 30 entries, one per criterion, in criterion order. */
  entries: ScoreEntry[];
  sealedAt: string;
}

/** A bidder's underlying quality (1.2–4.6) so that the ranking has a spread, a few threshold failures and close calls. */
const quality = (b: number) => 1.2 + 3.4 * unit('quality', b);

export function scoreFor(evaluator: number, bidder: number, criterion: number): number {
  const noise = (unit('noise', evaluator, bidder, criterion) - 0.5) * 3 + (unit('severity', evaluator) - 0.5);
  return Math.max(0, Math.min(5, Math.round(quality(bidder) + noise)));
}

export function sealedScores(seed: Seeded, evaluatorIds: readonly string[] = seed.evaluatorIds, firstEvaluatorIndex = 0): SealedSet[] {
  const criteria = listCriteria(seed.framework);
  const title = new Map(seed.framework.areas.map((a) => [a.id, a.title]));
  const label = new Map(seed.framework.stages.map((s) => [s.id, s.label]));
  const indicatorIds = new Map<string, string[]>(
    seed.framework.areas.flatMap((a) => seed.framework.stages.map((s): [string, string[]] => [`${a.id}/${s.id}`, (a.indicators[s.id] ?? []).map((i) => i.id)])),
  );
  const base = Date.parse('2027-03-01T09:00:00.000Z');
  const sets: SealedSet[] = [];
  evaluatorIds.forEach((evaluatorId, i) => {
    const e = firstEvaluatorIndex + i;
    seed.bidders.forEach((bidder, b) => {
      let t = base + (e * seed.size.bidders + b) * 3_600_000;
      const entries = criteria.map((c, k): ScoreEntry => {
        const score = scoreFor(e, b, k);
        const [first, second] = indicatorIds.get(c.id) ?? [];
        const marks: Record<string, IndicatorMark> = {};
        if (first) marks[first] = score >= 3 ? 'evidenced' : 'partly';
        if (second) marks[second] = score >= 4 ? 'evidenced' : score >= 2 ? 'partly' : 'not-evidenced';
        t += 60_000 + Math.floor(unit('pause', e, b, k) * 240_000);
        return {
          criterionId: c.id,
          score,
          rationale: rationaleFor(e, bidder.name, `${title.get(c.areaId)} — ${label.get(c.stageId)}`, score),
          evidenceRefs: [{ documentId: bidder.pdfId, location: `section ${1 + (k % 12)}, p. ${2 + ((k * 7) % 40)}` }],
          indicatorMarks: Object.fromEntries(Object.entries(marks).sort(([x], [y]) => (x < y ? -1 : 1))),
          provenance: 'app',
          savedAt: new Date(t).toISOString(),
        };
      });
      sets.push({ evaluationId: seed.evaluationId, bidderId: bidder.id, evaluatorId, entries, sealedAt: new Date(t + 600_000).toISOString() });
    });
  });
  return sets;
}
