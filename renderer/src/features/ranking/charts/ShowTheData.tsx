import type { ReactNode } from 'react';

/** A chart's numbers, one click away, for anyone who would rather read than look. */
export function ShowTheData({ what, children }: { what: string; children: ReactNode }) {
  return (
    <details className="chart-data">
      <summary>
        Show the data<span className="visually-hidden"> of {what}</span>
      </summary>
      {children}
    </details>
  );
}
