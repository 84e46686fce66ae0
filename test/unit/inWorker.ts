// Runs code that might never return (a regular expression engine stuck in a loop) in a worker thread, so
// a regression fails its test instead of hanging the whole unit run, which mocha's timeout cannot stop.
import { Worker } from 'node:worker_threads';

/**
 * Evaluates `body` (CommonJS, `workerData` in scope, its last `return` the result) in a worker and resolves
 * with what it returns, or rejects once `deadlineMs` pass. The deadline only catches code that never
 * finishes: set it far above any real run on a busy machine. `progress` hears what the body posts.
 */
export function inWorker<T>(body: string, workerData: unknown, deadlineMs: number, progress?: (message: unknown) => void): Promise<T> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
const post = (message) => parentPort.postMessage({ progress: message });
parentPort.postMessage({ result: (() => { ${body} })() });`;
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`still running after ${deadlineMs} ms`));
    }, deadlineMs);
    worker.on('message', (message: { progress?: unknown; result?: T }) => {
      if ('progress' in message) progress?.(message.progress);
      else {
        clearTimeout(timer);
        void worker.terminate();
        resolve(message.result as T);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
