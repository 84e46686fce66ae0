// The few assertions the web suite needs. `node:assert` does not exist in the web worker extension host
// and the suite adds no dependency for it; messages say what was expected, as node:assert's would.
function fail(message: string): never {
  throw new Error(message);
}

const show = (value: unknown) => JSON.stringify(value);

export function ok(value: unknown, message = `expected a truthy value, got ${show(value)}`): asserts value {
  if (!value) fail(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

/** Deep equality of JSON-like values (arrays, plain objects, primitives): what the suite compares. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  if (show(actual) !== show(expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) fail(message ?? `expected ${show(actual)} to match ${pattern}`);
}
