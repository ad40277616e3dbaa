import { isDeepStrictEqual } from 'node:util';

type State = Record<string, unknown>;

/**
 * Merges a turn's changes to stored state with a concurrent turn's, field by field, from the
 * state both started from: a field only one of them changed takes that change; a field both
 * changed the same way is kept; a field both changed differently keeps the change saved first
 * (`theirs`) and is reported, so the turn that lost can say so in the log.
 */
export function mergeTurnState(
  base: State,
  ours: State,
  theirs: State,
): { merged: State; clashes: string[] } {
  const merged: State = { ...theirs };
  const clashes: string[] = [];
  for (const field of new Set([...Object.keys(base), ...Object.keys(ours)])) {
    if (isDeepStrictEqual(ours[field], base[field]) || isDeepStrictEqual(ours[field], theirs[field]))
      continue;
    if (!isDeepStrictEqual(theirs[field], base[field])) {
      clashes.push(field);
      continue;
    }
    if (ours[field] === undefined) delete merged[field];
    else merged[field] = ours[field];
  }
  return { merged, clashes };
}
