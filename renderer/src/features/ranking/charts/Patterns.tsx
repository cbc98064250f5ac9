import { PATTERNS, seriesColour, type PatternKind } from './palette';

/** The fill of series `index` inside a chart whose pattern ids start with `prefix`. */
export const seriesFill = (prefix: string, index: number): string => `url(#${prefix}-${index})`;

function Overlay({ kind }: { kind: PatternKind }) {
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4" stroke="#ffffff" strokeWidth={2} strokeOpacity={0.8} />;
    case 'dots':
      return <circle cx={5} cy={5} r={1.8} fill="#ffffff" fillOpacity={0.9} />;
    case 'cross':
      return <path d="M0,5 h10 M5,0 v10" stroke="#ffffff" strokeWidth={1.5} strokeOpacity={0.7} />;
  }
}

/** One <pattern> per series (colour plus overlay), to be placed in a chart's <defs>. */
export function SeriesPatterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <pattern key={i} id={`${prefix}-${i}`} width={10} height={10} patternUnits="userSpaceOnUse">
          <rect width={10} height={10} fill={seriesColour(i)} />
          <Overlay kind={PATTERNS[i % PATTERNS.length]!} />
        </pattern>
      ))}
    </>
  );
}
