import { z } from 'zod';
import { FrameworkSchema } from '../domain/framework';
import { DisplayName } from '../domain/names';
import { RulesSchema, ThresholdSchema } from '../domain/rules';
import { ScaleSchema } from '../domain/scale';
import { EvaluationSettingsSchema } from '../domain/settings';
import { WeightsSchema } from '../domain/weights';
import { Id, Name, NoParams, Timestamp } from './common';
import { method } from './define';

export const PANEL_ROLES = ['lead', 'moderator', 'evaluator'] as const;
export const PanelRoleSchema = z.enum(PANEL_ROLES);
export type PanelRole = z.infer<typeof PanelRoleSchema>;
export const PANEL_ROLE_LABELS: Record<PanelRole, string> = {
  lead: 'Procurement lead',
  moderator: 'Moderator',
  evaluator: 'Evaluator',
};

export const MEMBER_ROLES = ['lead', 'partner', 'subcontractor'] as const;
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRoleSchema>;
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  lead: 'Lead organisation',
  partner: 'Consortium partner',
  subcontractor: 'Named subcontractor',
};

export const EVALUATION_STATUSES = ['setup', 'scoring'] as const;
export const EVALUATION_STATUS_LABELS: Record<(typeof EVALUATION_STATUSES)[number], string> = { setup: 'Set-up', scoring: 'Open for scoring' };
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);

export const PanelMemberSchema = z.object({
  personId: Id,
  name: z.string(),
  role: PanelRoleSchema,
  addedAt: Timestamp,
  addedBy: z.string(),
  /** How many bidders this member has sealed scores for (evaluators): removing them then needs a decision on those scores. */
  sealedBidders: z.number().int(),
});
export type PanelMember = z.infer<typeof PanelMemberSchema>;

export const ConsortiumMemberSchema = z.object({
  id: Id,
  organisation: z.string(),
  role: MemberRoleSchema,
});
export type ConsortiumMember = z.infer<typeof ConsortiumMemberSchema>;

export const BidderSchema = z.object({
  id: Id,
  name: z.string(),
  reference: z.string(),
  members: z.array(ConsortiumMemberSchema),
  addedAt: Timestamp,
});
export type Bidder = z.infer<typeof BidderSchema>;

export const EvaluationSummarySchema = z.object({
  id: Id,
  name: z.string(),
  reference: z.string(),
  status: EvaluationStatusSchema,
  frameworkName: z.string(),
  myRole: PanelRoleSchema,
  bidderCount: z.number().int(),
  createdAt: Timestamp,
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

export const EvaluationDetailSchema = EvaluationSummarySchema.extend({
  framework: FrameworkSchema,
  settings: EvaluationSettingsSchema,
  settingsVersion: z.number().int(),
  settingsSavedAt: Timestamp,
  settingsSavedBy: z.string(),
  panel: z.array(PanelMemberSchema),
  bidders: z.array(BidderSchema),
});
export type EvaluationDetail = z.infer<typeof EvaluationDetailSchema>;

const EvaluationRef = { evaluationId: Id };
const Reference = z.string().trim().max(80, 'a reference must be at most 80 characters');
const Organisation = DisplayName('An organisation name');

export const NewConsortiumMemberSchema = z.object({ organisation: Organisation, role: MemberRoleSchema }).strict();

export const evaluationMethods = {
  /** The evaluations the acting person sits on the panel of. */
  'evaluations.list': method({ params: NoParams, result: z.array(EvaluationSummarySchema), mutates: false }),
  'evaluations.get': method({ params: z.object(EvaluationRef).strict(), result: EvaluationDetailSchema, mutates: false }),
  /** Copies and freezes the framework into a new evaluation; the creator becomes its procurement lead. */
  'evaluations.create': method({
    params: z.object({ name: DisplayName('An evaluation name'), reference: Reference, frameworkId: Id }).strict(),
    result: EvaluationSummarySchema,
    mutates: true,
  }),
  'evaluations.saveDetails': method({
    params: z.object({ ...EvaluationRef, name: DisplayName('An evaluation name'), reference: Reference }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'evaluations.saveScale': method({
    params: z.object({ ...EvaluationRef, scale: ScaleSchema }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'evaluations.saveWeights': method({
    params: z.object({ ...EvaluationRef, weights: WeightsSchema }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'evaluations.saveThresholds': method({
    params: z.object({ ...EvaluationRef, thresholds: z.array(ThresholdSchema).max(50) }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'evaluations.saveRules': method({
    params: z.object({ ...EvaluationRef, rules: RulesSchema }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  /** Publishes the set-up: from now on the scale, weights, thresholds and rules are fixed, and evaluators can score. */
  'evaluations.openScoring': method({
    params: z.object(EvaluationRef).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'panel.add': method({
    params: z.object({ ...EvaluationRef, personId: Id, role: PanelRoleSchema }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'panel.remove': method({
    params: z
      .object({
        ...EvaluationRef,
        personId: Id,
        reason: Name('A reason', 500),
        /** Required for an evaluator who has sealed: the procurement lead's decision whether those sealed scores still count. */
        sealedScores: z.enum(['count', 'exclude']).optional(),
      })
      .strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'bidders.add': method({
    params: z
      .object({
        ...EvaluationRef,
        name: DisplayName('A bidder name'),
        reference: Reference,
        members: z.array(NewConsortiumMemberSchema).min(1).max(50),
      })
      .strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'bidders.addMember': method({
    params: z.object({ ...EvaluationRef, bidderId: Id, member: NewConsortiumMemberSchema }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
  'bidders.removeMember': method({
    params: z.object({ ...EvaluationRef, bidderId: Id, memberId: Id, reason: Name('A reason', 500) }).strict(),
    result: EvaluationDetailSchema,
    mutates: true,
  }),
};
