/** Splits a label into lines of at most `width` characters at spaces (or slashes); SVG text does not wrap itself. */
export function wrapLabel(text: string, width: number, maxLines = 2): string[] {
  const words = text.split(/(?<=[\s/])/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length > 0 && (line + word).trimEnd().length > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
  }
  if (line.trim().length > 0) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(1, width - 1))}…`;
  return kept;
}
