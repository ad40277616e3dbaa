import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { ensureValidQuery } from '../checkDocument';
import type { Condition, Query } from '../documentStore';

/**
 * Builds a parameterised Cosmos SQL query. Values only ever travel as parameters; field names are
 * checked against a strict pattern by `ensureValidQuery` before they reach the text. The partition
 * key goes in the WHERE clause as well as the request options, because a query without it in the
 * text would scan every partition on servers that ignore the option.
 */
export function buildSql(query: Query, partitionKeyField: string): SqlQuerySpec {
  ensureValidQuery(query);
  const parameters: SqlParameter[] = [];
  const addParameter = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };

  const filters: string[] = [];
  if (query.partitionKey !== undefined) {
    filters.push(`${fieldRef(partitionKeyField)} = ${addParameter(query.partitionKey)}`);
  }
  for (const condition of query.where ?? []) {
    filters.push(conditionSql(condition, addParameter));
  }

  const top = query.limit === undefined ? '' : `TOP ${addParameter(query.limit)} `;
  const where = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
  const orderBy = query.orderBy
    ? ` ORDER BY ${fieldRef(query.orderBy.field)} ${query.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}`
    : '';
  return { query: `SELECT ${top}* FROM c${where}${orderBy}`, parameters };
}

/**
 * The query that reads the documents with these ids in one partition, the partition key in the
 * text as well as in the request options (see buildSql). `ids` are already checked.
 */
export function buildReadManySql(partitionKeyField: string, partitionKey: string, ids: readonly string[]) {
  const parameters: SqlParameter[] = [{ name: '@pk', value: partitionKey }];
  const names = ids.map((id, i) => {
    parameters.push({ name: `@id${i}`, value: id });
    return `@id${i}`;
  });
  const query = `SELECT * FROM c WHERE ${fieldRef(partitionKeyField)} = @pk AND c.id IN (${names.join(', ')})`;
  return { query, parameters } satisfies SqlQuerySpec;
}

function conditionSql(condition: Condition, addParameter: (value: SqlParameter['value']) => string): string {
  const field = fieldRef(condition.field);
  switch (condition.op) {
    case 'in':
      return `ARRAY_CONTAINS(${addParameter(condition.value)}, ${field})`;
    case 'contains':
      return `ARRAY_CONTAINS(${field}, ${addParameter(condition.value)})`;
    case '!=':
      // Cosmos DB leaves != across types undefined (no match); some emulators call it true. The
      // type check makes both agree with the documented behaviour.
      return `(${typeCheck(condition.value)}(${field}) AND ${field} != ${addParameter(condition.value)})`;
    default:
      return `${field} ${condition.op} ${addParameter(condition.value)}`;
  }
}

function typeCheck(value: string | number | boolean): string {
  if (typeof value === 'string') return 'IS_STRING';
  return typeof value === 'number' ? 'IS_NUMBER' : 'IS_BOOL';
}

/** Field names have already passed /^[A-Za-z_][A-Za-z0-9_]*$/; the bracket form also covers reserved words. */
function fieldRef(field: string): string {
  return `c["${field}"]`;
}
