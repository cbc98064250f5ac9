import type { BoardCriterion } from '../../../../shared/api/moderation';

export interface Filters {
  flaggedOnly: boolean;
  notYetModerated: boolean;
}

/** Not yet moderated: no score counts yet, or a recorded decision is to be revisited. */
export const matchesFilters = (c: BoardCriterion, f: Filters): boolean =>
  (!f.flaggedOnly || c.flagged) && (!f.notYetModerated || c.aggregated === null || c.toRevisit !== null);

/** The two filters of the board, and how many criteria they leave on screen. */
export function BoardFilters({ filters, onChange, shown, total }: { filters: Filters; onChange(f: Filters): void; shown: number; total: number }) {
  return (
    <>
      <fieldset className="board-filters">
        <legend>Show criteria</legend>
        <div className="checkbox">
          <input id="filter-flagged" type="checkbox" checked={filters.flaggedOnly} onChange={(e) => onChange({ ...filters, flaggedOnly: e.target.checked })} />
          <label htmlFor="filter-flagged">Flagged only</label>
        </div>
        <div className="checkbox">
          <input id="filter-unmoderated" type="checkbox" checked={filters.notYetModerated} onChange={(e) => onChange({ ...filters, notYetModerated: e.target.checked })} />
          <label htmlFor="filter-unmoderated">Still to moderate</label>
        </div>
      </fieldset>
      <p role="status">
        Showing {shown} of {total} criteria.{shown === 0 && ' No criterion matches the filters.'}
      </p>
    </>
  );
}
