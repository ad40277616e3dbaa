import type { DocumentStore } from '../../src/store/documentStore';

/** Asserts that the visitor has no request and their manager no task and no message waiting. */
export async function expectNothingSent(
  store: DocumentStore,
  visitorId: string,
  managerId: string,
): Promise<void> {
  expect(await store.query('requests', { partitionKey: visitorId })).toEqual([]);
  expect(await store.query('tasks', { partitionKey: managerId })).toEqual([]);
  expect(await store.query('outbox', { partitionKey: managerId })).toEqual([]);
}
