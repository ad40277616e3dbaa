/** One stored document that could not be read: where it is, never what it holds. */
export interface DamagedDocument {
  container: string;
  partitionKey: string;
  id: string;
}

/**
 * The documents a store found it could not read since it was opened, each counted once. The
 * health check reports the count; `cli doctor` lists them to set them aside.
 */
export class DamageLog {
  private readonly seen = new Map<string, DamagedDocument>();

  record(document: DamagedDocument): void {
    this.seen.set(JSON.stringify([document.container, document.partitionKey, document.id]), document);
  }

  /** A document set aside or written again is no longer damaged. */
  forget(document: DamagedDocument): void {
    this.seen.delete(JSON.stringify([document.container, document.partitionKey, document.id]));
  }

  get count(): number {
    return this.seen.size;
  }

  list(): DamagedDocument[] {
    return [...this.seen.values()];
  }
}
