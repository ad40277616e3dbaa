/** Ids of the keys seen lately, each worked out once instead of on every read and write of a turn. */
const STATE_IDS = new Map<string, string>();
const REMEMBERED_IDS = 10_000;

/** Bot Framework state keys contain '/', which document ids may not: store them base64url-encoded. */
export function stateDocumentId(key: string): string {
  let id = STATE_IDS.get(key);
  if (id === undefined) {
    id = Buffer.from(key, 'utf8').toString('base64url');
    STATE_IDS.set(key, id);
    if (STATE_IDS.size > REMEMBERED_IDS) STATE_IDS.delete(STATE_IDS.keys().next().value as string);
  }
  return id;
}
