// Recently inserted items and pinned favourites, as plain data the extension keeps in globalState.
// Keys are item ids (`<corpusId>/<categoryId>.<number>`), so they name both the corpus and the item.
import type { UsageStats } from './search';

/** The usage map is what SearchIndex.search's `usage` option takes. */
export type UsageMap = UsageStats;

export interface HistoryState {
  usage: UsageMap;
  /** Pinned item ids, most recently pinned first. */
  favourites: string[];
}

/** Keep at most this many used items; the least recently used go first. */
export const MAX_HISTORY = 500;

export function emptyHistory(): HistoryState {
  return { usage: {}, favourites: [] };
}

/** Whatever was stored (possibly by an older version, possibly damaged) as a valid HistoryState. */
export function parseHistoryState(raw: unknown): HistoryState {
  const state = emptyHistory();
  if (!raw || typeof raw !== 'object') return state;
  const { usage, favourites } = raw as { usage?: unknown; favourites?: unknown };
  if (usage && typeof usage === 'object') {
    for (const [id, entry] of Object.entries(usage as Record<string, unknown>)) {
      const { count, lastUsed } = (entry ?? {}) as { count?: unknown; lastUsed?: unknown };
      if (typeof count === 'number' && typeof lastUsed === 'number' && Number.isFinite(count) && Number.isFinite(lastUsed)) {
        state.usage[id] = { count: Math.max(1, Math.floor(count)), lastUsed };
      }
    }
  }
  if (Array.isArray(favourites)) {
    state.favourites = [...new Set(favourites.filter((id): id is string => typeof id === 'string'))];
  }
  return state;
}

export function recordUse(state: HistoryState, ids: readonly string[], now: number, max = MAX_HISTORY): HistoryState {
  const usage: UsageMap = { ...state.usage };
  for (const id of ids) usage[id] = { count: (usage[id]?.count ?? 0) + 1, lastUsed: now };
  const entries = Object.entries(usage);
  if (entries.length > max) {
    entries.sort((a, b) => b[1].lastUsed - a[1].lastUsed);
    return { ...state, usage: Object.fromEntries(entries.slice(0, max)) };
  }
  return { ...state, usage };
}

export function isFavourite(state: HistoryState, id: string): boolean {
  return state.favourites.includes(id);
}

export function toggleFavourite(state: HistoryState, id: string): HistoryState {
  return isFavourite(state, id)
    ? { ...state, favourites: state.favourites.filter((favourite) => favourite !== id) }
    : { ...state, favourites: [id, ...state.favourites] };
}

/** Forgets what was used; favourites are a deliberate choice and stay unless `favouritesToo`. */
export function clearHistory(state: HistoryState, favouritesToo = false): HistoryState {
  return { usage: {}, favourites: favouritesToo ? [] : state.favourites };
}

export type Rank = 'favourite' | 'recent' | 'other';

export function rankOf(state: HistoryState, id: string): Rank {
  return isFavourite(state, id) ? 'favourite' : state.usage[id] ? 'recent' : 'other';
}

/**
 * The order for an empty query: favourites (most recently pinned first), then recently used items (most
 * recent first, ties by count), then everything else in its original order. Stable and never drops items.
 */
export function orderForEmptyQuery<T>(items: readonly T[], state: HistoryState, idOf: (item: T) => string): T[] {
  const favouriteRank = new Map(state.favourites.map((id, index) => [id, index]));
  const decorated = items.map((item, index) => ({ item, index, id: idOf(item) }));
  const group = (id: string) => (favouriteRank.has(id) ? 0 : state.usage[id] ? 1 : 2);
  decorated.sort((a, b) => {
    const ga = group(a.id);
    const gb = group(b.id);
    if (ga !== gb) return ga - gb;
    if (ga === 0) return favouriteRank.get(a.id)! - favouriteRank.get(b.id)!;
    if (ga === 1) {
      const ua = state.usage[a.id];
      const ub = state.usage[b.id];
      if (ua.lastUsed !== ub.lastUsed) return ub.lastUsed - ua.lastUsed;
      if (ua.count !== ub.count) return ub.count - ua.count;
    }
    return a.index - b.index;
  });
  return decorated.map(({ item }) => item);
}
