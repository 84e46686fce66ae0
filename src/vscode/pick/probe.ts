// Timestamps for `npm run bench:ui -- --breakdown`: where a keystroke's time goes in the extension host.
// Off unless the extension host runs with PHRASEBOOK_PICK_PROBE=1 (never in VS Code for the Web). Wall
// clock in ms (performance.timeOrigin + now), so the bench can line the marks up with the page's own.
const enabled = typeof process === 'object' && process.env?.PHRASEBOOK_PICK_PROBE === '1';

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
