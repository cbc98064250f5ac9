import { useId, type ReactNode, type SVGProps } from 'react';
import { Scroller } from '../Scroller';

interface Props {
  width: number;
  height: number;
  /** A short name of the chart, read first. */
  title: string;
  /** The chart's content in words: what a sighted reader takes from it. */
  summary: string;
  children: (ids: { prefix: string }) => ReactNode;
}

/**
 * An inline SVG chart drawn at its natural size (so no text shrinks below its set size) inside a box that
 * scrolls sideways on narrow windows. role="img" with a <title> and <desc> gives assistive technology a
 * summary; the data itself is always in a table next to the chart.
 */
export function ChartFrame({ width, height, title, summary, children }: Props) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  return (
    <Scroller className="chart-scroll" label={title}>
      <svg
        className="chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        fontSize={13}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {children({ prefix: id })}
      </svg>
    </Scroller>
  );
}

/** Multi-line SVG text (SVG never wraps by itself). */
export function Lines({
  x,
  y,
  lines,
  lineHeight = 16,
  ...text
}: { x: number; y: number; lines: string[]; lineHeight?: number } & SVGProps<SVGTextElement>) {
  return (
    <text x={x} y={y} {...text}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
