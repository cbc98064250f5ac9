/** Places legend items left to right from `left`, starting a new line before `right`; widths are estimated from the label length. */
export function legendLayout(labels: readonly string[], left: number, right: number, charWidth = 7.5): { x: number; y: number; label: string }[] {
  let x = left;
  let y = 0;
  return labels.map((label) => {
    const width = 30 + label.length * charWidth + 16;
    if (x > left && x + width > right) {
      x = left;
      y += 24;
    }
    const item = { x, y, label };
    x += width;
    return item;
  });
}

export const legendHeight = (items: readonly { y: number }[]): number => (items.length === 0 ? 0 : Math.max(...items.map((i) => i.y)) + 36);
