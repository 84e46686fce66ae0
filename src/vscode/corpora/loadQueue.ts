// When loading happens: bursts of file events are gathered for a moment (debounce), then run one task at
// a time, so two loads never interleave. `whenIdle` resolves once nothing is waiting or running.
export interface LoadWork {
  /** Look for the files again (a file was created or deleted, the settings changed). */
  rescan: boolean;
  /** Files to re-read (URI strings). */
  files: string[];
}

export class LoadQueue {
  private readonly pendingFiles = new Set<string>();
  private pendingRescan = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tail: Promise<void> = Promise.resolve();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly run: (work: LoadWork) => Promise<void>,
    private readonly debounceMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  fileChanged(uri: string): void {
    this.pendingFiles.add(uri);
    this.arm();
  }

  rescan(): void {
    this.pendingRescan = true;
    this.arm();
  }

  /** Runs `task` after everything queued before it; resolves when it is done (never rejects). */
  enqueue(task: () => Promise<void>): Promise<void> {
    this.running++;
    const next = this.tail
      .then(task)
      .catch(this.onError)
      .finally(() => {
        this.running--;
        this.notifyIfIdle();
      });
    this.tail = next;
    return next;
  }

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.timer === undefined && this.running === 0 && !this.pendingRescan && this.pendingFiles.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private arm(): void {
    if (this.closed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const work = { rescan: this.pendingRescan, files: [...this.pendingFiles] };
      this.pendingRescan = false;
      this.pendingFiles.clear();
      void this.enqueue(() => this.run(work));
    }, this.debounceMs);
  }

  dispose(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingRescan = false;
    this.pendingFiles.clear();
    this.notifyIfIdle();
  }
}
