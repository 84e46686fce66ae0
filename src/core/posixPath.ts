// POSIX `path.join` and `path.normalize` in plain string functions, for the browser bundle, where there is
// no `node:path` (a unit test checks them against Node's path.posix).
import type { PathApi } from './sources';

function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  let result = out.join('/');
  if (result === '' && !absolute) result = '.';
  if (trailing && result !== '' && result !== '.' ) result += '/';
  else if (trailing && result === '.') result = './';
  return absolute ? `/${result}` : result;
}

function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export const posixPath: PathApi = { join, normalize };
