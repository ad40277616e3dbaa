import { createHash } from 'node:crypto';

/** The namespace of person ids made from directory emails (a fixed, random UUID). */
const DIRECTORY_NAMESPACE = 'a3c1f0de-5b7e-4d52-9c38-6f1e2b0d4a97';

/**
 * A stable person id for someone known only by email (an ESR file has no Entra object id): a
 * name-based UUID (version 5, RFC 4122) of the lower-cased email. Safe as a Cosmos id (no '/',
 * '\\', '?' or '#') and the same on every import.
 */
export function personIdForEmail(email: string): string {
  const namespace = Buffer.from(DIRECTORY_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(email.trim().toLowerCase(), 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
