import type { Condition, Doc, Query } from './documentStore';

/**
 * Applies a `Query` to documents held in memory, with Cosmos DB semantics: a condition on a
 * missing field never matches, comparisons (= aside) need both sides of one type, strings compare
 * ordinally, and ORDER BY ranks mixed types as null < boolean < number < string.
 */
export function evaluateQuery<T extends Doc>(
  docs: readonly T[],
  query: Query,
  partitionKeyField: string,
): T[] {
  const matching = docs.filter(
    (doc) =>
      (query.partitionKey === undefined || doc[partitionKeyField] === query.partitionKey) &&
      (query.where ?? []).every((condition) => matchesCondition(doc[condition.field], condition)),
  );
  const { orderBy } = query;
  if (orderBy) {
    const sign = orderBy.direction === 'desc' ? -1 : 1;
    matching.sort((a, b) => sign * compareForOrdering(a[orderBy.field], b[orderBy.field]));
  }
  return query.limit === undefined ? matching : matching.slice(0, query.limit);
}

export function matchesCondition(actual: unknown, condition: Condition): boolean {
  if (actual === undefined) return false;
  switch (condition.op) {
    case '=':
      return actual === condition.value;
    case '!=':
      return typeof actual === typeof condition.value && actual !== condition.value;
    case 'in':
      return condition.value.some((candidate) => candidate === actual);
    case 'contains':
      return Array.isArray(actual) && actual.some((element) => element === condition.value);
    default:
      return matchesOrdering(actual, condition.op, condition.value);
  }
}

function matchesOrdering(
  actual: unknown,
  op: '<' | '<=' | '>' | '>=',
  expected: string | number | boolean,
): boolean {
  if (typeof actual !== typeof expected) return false;
  const order = compareSameType(actual as typeof expected, expected);
  if (op === '<') return order < 0;
  if (op === '<=') return order <= 0;
  if (op === '>') return order > 0;
  return order >= 0;
}

function compareSameType<V extends string | number | boolean>(a: V, b: V): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const TYPE_RANK: Record<string, number> = { undefined: 0, null: 1, boolean: 2, number: 3, string: 4 };

function rankOf(value: unknown): number {
  if (value === null) return TYPE_RANK.null ?? 1;
  return TYPE_RANK[typeof value] ?? 5;
}

function compareForOrdering(a: unknown, b: unknown): number {
  const byType = rankOf(a) - rankOf(b);
  if (byType !== 0) return byType;
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') {
    return compareSameType(a, b as typeof a);
  }
  return 0;
}
