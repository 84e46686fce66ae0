// Waiting for state inside a VS Code extension host, shared by the Node, library and web suites (no Node
// imports: the web suite runs in a browser worker).

/**
 * How long state may take to arrive before a wait fails: generous, since a busy 2-core CI machine can
 * stall the extension host for seconds, and a wait that succeeds returns as soon as the state is there.
 */
export const STATE_TIMEOUT_MS = 30_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; fails naming `what` after `timeoutMs` (a cap, not a speed assert). */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = STATE_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
