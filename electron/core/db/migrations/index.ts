import type Database from 'better-sqlite3';
import { initialSchema } from './001_initial_schema';
import { bidsConflictsScores } from './002_bids_conflicts_scores';
import { moderation } from './003_moderation';
import { scoreSheets } from './004_score_sheets';
import { auditChain } from './005_audit_chain';
import { exchange } from './006_exchange';
import { lookupIndexes } from './007_lookup_indexes';
import { coveringScoreIndex } from './008_covering_score_index';
import { identity } from './009_identity';
import { travellingTrust } from './010_travelling_trust';
import { moderationByException } from './011_moderation_by_exception';
import { bidAddenda } from './012_bid_addenda';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** Ordered and append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, bidsConflictsScores, moderation, scoreSheets, auditChain, exchange, lookupIndexes, coveringScoreIndex, identity, travellingTrust, moderationByException, bidAddenda];
