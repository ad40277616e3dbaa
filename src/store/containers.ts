/**
 * The one list of containers and their partition keys. The Cosmos adapter creates them from here,
 * the embedded SQLite store keys its rows by them, and infrastructure templates must agree.
 *
 * Each partition key is chosen so that a hot path is a point read or a single-partition query:
 * - people: `/id` - the directory; a turn reads its own person by id.
 * - offers: `/hostId` - a host's offers; search reads all offers (small, cached).
 * - rota: `/personId` - one document per person per month: a date-range check is 1-2 point reads.
 * - requests: `/visitorId` - "my requests" is one partition.
 * - tasks: `/assigneeId` - one pointer per pending decision, so a manager's approvals and a host's
 *   requests are single-partition queries without scanning every visitor's requests.
 * - exchanges: `/period` - the completed-exchange log by month (YYYY-MM) of the visit; exports
 *   read a few partitions.
 * - jobs: `/kind` - scheduled work and its leases.
 * - outbox: `/personId` - proactive deliveries waiting or done, per recipient.
 * - botstate: `/id` - conversation and user turn state, always a point read.
 * - quarantine: `/from` - documents that could not be read, set aside whole by `cli doctor --repair`,
 *   by the container they came from.
 */
export const CONTAINERS = {
  people: { partitionKey: 'id' },
  offers: { partitionKey: 'hostId' },
  rota: { partitionKey: 'personId' },
  requests: { partitionKey: 'visitorId' },
  tasks: { partitionKey: 'assigneeId' },
  exchanges: { partitionKey: 'period' },
  jobs: { partitionKey: 'kind' },
  outbox: { partitionKey: 'personId' },
  botstate: { partitionKey: 'id' },
  quarantine: { partitionKey: 'from' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

export const CONTAINER_NAMES = Object.keys(CONTAINERS) as ContainerName[];

export function partitionKeyField(container: ContainerName): string {
  return CONTAINERS[container].partitionKey;
}
