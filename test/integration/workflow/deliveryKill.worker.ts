/**
 * Runs in a child process for the kill test: delivers everything due in a shared embedded store to
 * a loopback connector, one message at a time, until nothing is left; then prints 'done'.
 * Arguments: <dataDir> <connectorUrl> <clockOffsetMs> (the clock runs ahead by that much, as if
 * the service had been down for a while).
 */
import { deliverDue } from '../../../src/app/deliverDue';
import type { Deliverer, OutboxDependencies } from '../../../src/app/deliverOutbox';
import { createServices } from '../../../src/app/services';
import { createLogger } from '../../../src/logging/logger';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';

/** Posts the message's id to the connector, which records what it receives. */
function connectorDeliverer(url: string): Deliverer {
  return {
    async deliver(person, notification) {
      const response = await fetch(
        `${url}v3/conversations/${encodeURIComponent(String((person.conversation?.conversation as { id?: string })?.id))}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ notificationId: notification.id }),
        },
      );
      return response.ok ? { status: 'sent' } : { status: 'retry', error: `status ${response.status}` };
    },
  };
}

async function main(): Promise<void> {
  const [dataDir, url, offset] = process.argv.slice(2);
  if (!dataDir || !url) throw new Error('usage: <dataDir> <connectorUrl> <clockOffsetMs>');
  const store = new SqliteDocumentStore(dataDir);
  await store.init();
  const clock = () => new Date(Date.now() + Number(offset ?? 0));
  const services = createServices(store, clock);
  const deps: OutboxDependencies = {
    outbox: services.outbox,
    people: services.people,
    requests: services.requests,
    deliverer: connectorDeliverer(url),
    logger: createLogger('silent'),
  };
  process.stdout.write('started\n');
  for (let round = 0; round < 100 && (await deliverDue(deps, clock(), { page: 25 })) > 0; round += 1);
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
