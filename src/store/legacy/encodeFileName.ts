import { createHash } from 'node:crypto';

const KEPT_BYTE = /^[a-z0-9_-]$/;
const MAX_NAME_LENGTH = 200;
const KEPT_PREFIX_LENGTH = 100;

/**
 * Turns any string (an id or a partition key) into a safe file name: lower-case letters, digits,
 * `_` and `-` are kept, every other UTF-8 byte becomes `%XX`. Upper case is escaped too, so two
 * ids differing only in case stay apart on case-insensitive file systems, and no name starts with
 * a dot. Names too long for a file system end in a SHA-256 of the key after a `~`, which the
 * encoding never produces otherwise.
 */
export function encodeFileName(key: string): string {
  let encoded = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded += KEPT_BYTE.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (encoded.length <= MAX_NAME_LENGTH) return encoded;
  const digest = createHash('sha256').update(key, 'utf8').digest('hex');
  return `${encoded.slice(0, KEPT_PREFIX_LENGTH)}~${digest}`;
}
