// One way to own disposables: add them to a store, dispose the store once.
import * as vscode from 'vscode';

export class DisposableStore implements vscode.Disposable {
  private readonly items: vscode.Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership; disposes at once what is added after the store was disposed. */
  add<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Disposes what the store holds now; the store stays usable. */
  clear(): void {
    for (const item of this.items.splice(0)) item.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}

/** Base for classes that own disposables: `this.register(x)` and one `dispose()`. */
export abstract class Disposable implements vscode.Disposable {
  protected readonly store = new DisposableStore();

  protected register<T extends vscode.Disposable>(item: T): T {
    return this.store.add(item);
  }

  dispose(): void {
    this.store.dispose();
  }
}
