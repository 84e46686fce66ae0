// The Enter race: the writer types and presses Enter before the index has caught up, so the list still
// shows an older query's rows and its top is not what was typed. Enter then waits for the next update of
// the rows and accepts that list's top.
export class AcceptGate {
  private waiting?: () => void;

  /** Whether an Enter is waiting for the rows to show the typed query. */
  get pending(): boolean {
    return this.waiting !== undefined;
  }

  /** Enter pressed: accept now when the rows are current, else after the update that makes them so. */
  request(isCurrent: () => boolean, accept: (afterUpdate: boolean) => void, afterUpdate = false): void {
    if (isCurrent()) accept(afterUpdate);
    else this.waiting = () => this.request(isCurrent, accept, true);
  }

  /** The rows were replaced: run the Enter that waited, if any. */
  updated(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }
}
