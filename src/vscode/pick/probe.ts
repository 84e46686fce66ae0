// Timestamps for `npm run bench:ui`: when activation is done (so the first pick is timed from there), and
// with `--breakdown` where a keystroke's time goes in the extension host. Off unless the extension host
// runs with PHRASEBOOK_PICK_PROBE (`activation`, or `1` for both; never in VS Code for the Web). Wall
// clock in ms (performance.timeOrigin + now), so the bench can line the marks up with the page's own.
const mode = typeof process === 'object' ? process.env?.PHRASEBOOK_PICK_PROBE : undefined;
const enabled = mode === '1';

/** Says that activation is done, with the number of items then loaded. */
export function probeActivated(items: number): void {
  if (mode === '1' || mode === 'activation') console.log(`[phrasebook-probe] ${JSON.stringify({ activated: now(), items })}`);
}

const now = () => performance.timeOrigin + performance.now();

export interface RefreshProbe {
  /** A step of the refresh is done (search, rows, sent). */
  mark(step: string): void;
  /** After the items are set: the next timer runs once VS Code has serialized and sent them. */
  sent(rows: number): void;
}

export function probeRefresh(query: string): RefreshProbe | undefined {
  if (!enabled) return undefined;
  const marks: Record<string, number> = { start: now() };
  const cpu = process.cpuUsage();
  return {
    mark(step) {
      marks[step] = now();
    },
    sent(rows) {
      setTimeout(() => {
        marks.flushed = now();
        const used = process.cpuUsage(cpu);
        marks.cpu = (used.user + used.system) / 1000;
        console.log(`[phrasebook-probe] ${JSON.stringify({ query, rows, ...marks })}`);
      }, 0);
    },
  };
}
