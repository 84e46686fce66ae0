// The one fuse.js configuration both `npm run eval` and `npm run bench` compare against: the best of
// the configurations eval tries (it prints them all), so the baseline is measured at its best.
import type { IFuseOptions } from 'fuse.js';
import type { Item } from '../src/core/model';

export const FUSE_CONFIGS: Record<string, IFuseOptions<Item>> = {
  default: { keys: ['title', 'text'] },
  ignoreLocation: { keys: ['title', 'text'], ignoreLocation: true },
  'ignoreLocation+threshold 0.4': { keys: ['title', 'text'], ignoreLocation: true, threshold: 0.4 },
};

/** The configuration used in both tables (eval checks that it is still the best on the labeled set). */
export const FUSE_BEST = 'ignoreLocation';
export const FUSE_OPTIONS = FUSE_CONFIGS[FUSE_BEST];
