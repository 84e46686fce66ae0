// How much past use lifts an item: a blend of frequency (log-scaled) and recency (exponential decay).
// Bounded by RANK.usage so it reorders comparable matches but never lifts a poor match over a good one.
import { RANK } from './scoring';

export interface UsageStat {
  count: number;
  /** Epoch milliseconds. */
  lastUsed: number;
}

const DAY_MS = 86_400_000;

export function usageBoost(stat: UsageStat | undefined, now: number): number {
  if (!stat || !(stat.count > 0)) return 0;
  const frequency = Math.min(1, Math.log2(1 + stat.count) / 5);
  const ageDays = Math.max(0, (now - stat.lastUsed) / DAY_MS);
  const recency = Number.isFinite(ageDays) ? Math.pow(0.5, ageDays / RANK.usageHalfLifeDays) : 0;
  return RANK.usage * (0.5 * frequency + 0.5 * recency);
}
