import { createHash } from 'node:crypto';
import type { DamagedDocument } from './damageLog';

/**
 * A document that could not be read, set aside whole in the `quarantine` container (partitioned
 * by the container it came from): its stored text kept as it was, so nobody's data is lost and it
 * can be mended and put back by hand.
 */
export interface QuarantinedDocument {
  [field: string]: unknown;
  id: string;
  /** The container it was in (the partition key). */
  from: string;
  partitionKey: string;
  documentId: string;
  /** The stored text, exactly as it was found. */
  stored: string;
  setAsideAt: string;
}

/** The same document always gets the same quarantine id, so setting it aside twice keeps one copy. */
export function quarantineId(document: DamagedDocument): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([document.container, document.partitionKey, document.id]))
    .digest('hex');
  return `${document.container}-${digest.slice(0, 32)}`;
}

export function quarantineDocument(document: DamagedDocument, stored: string, at: Date): QuarantinedDocument {
  return {
    id: quarantineId(document),
    from: document.container,
    partitionKey: document.partitionKey,
    documentId: document.id,
    stored,
    setAsideAt: at.toISOString(),
  };
}
