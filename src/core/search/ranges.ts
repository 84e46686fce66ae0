// Matched character positions → highlight ranges in item.title and item.text.
export type Range = [start: number, end: number];

/** Sorted distinct positions → [start, end) ranges of consecutive positions, shifted by -offset and clipped to [0, limit). */
export function toRanges(positions: readonly number[], offset: number, limit: number): Range[] {
  const ranges: Range[] = [];
  for (const p of positions) {
    const at = p - offset;
    if (at < 0 || at >= limit) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === at) last[1] = at + 1;
    else if (!last || last[1] < at) ranges.push([at, at + 1]);
  }
  return ranges;
}
