import type { Bidder } from '../../../shared/api/evaluations';
import type { Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import type { Metadata } from './metadata';
import type { SheetLayout } from './layout';

/** Everything the generator writes, gathered from the store by the handler. */
export interface ScoreSheetContent {
  evaluation: { name: string; reference: string };
  evaluatorName: string;
  framework: Framework;
  settings: EvaluationSettings;
  sheets: (SheetLayout & { bidder: Bidder })[];
  leftOut: { undeclared: number; recused: number; sealed: number };
  meta: Metadata;
  /** Sheet-protection password, random per workbook. */
  password: string;
}

export const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
export const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
