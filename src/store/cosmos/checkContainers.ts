import type { Database } from '@azure/cosmos';
import { CONTAINER_NAMES, partitionKeyField } from '../containers';

/** A container the code needs that the database lacks, or holds under another partition key. */
export interface ContainerProblem {
  name: string;
  partitionKeyPath: string;
  /** Set when the container exists with a different partition key. */
  foundPartitionKeyPath?: string;
}

/**
 * Compares the database's containers with the code's list. Reads metadata only, which the
 * Cosmos DB Built-in Data Contributor role allows; creating a container needs control-plane rights.
 */
export async function checkContainers(
  database: Database,
  requestOptions: object,
): Promise<ContainerProblem[]> {
  const { resources } = await database.containers.readAll(requestOptions).fetchAll();
  const found = new Map(resources.map((container) => [container.id, container.partitionKey?.paths?.[0]]));
  return CONTAINER_NAMES.flatMap((name) => {
    const partitionKeyPath = `/${partitionKeyField(name)}`;
    if (!found.has(name)) return [{ name, partitionKeyPath }];
    const foundPath = found.get(name);
    return foundPath === partitionKeyPath
      ? []
      : [{ name, partitionKeyPath, foundPartitionKeyPath: foundPath ?? '(none)' }];
  });
}

/** Start-up stops here: the message names each container and the command that creates it. */
export class MissingContainersError extends Error {
  constructor(
    readonly problems: readonly ContainerProblem[],
    endpoint: string,
    database: string,
    databaseMissing = false,
  ) {
    super(describeProblems(problems, endpoint, database, databaseMissing));
    this.name = 'MissingContainersError';
  }
}

function describeProblems(
  problems: readonly ContainerProblem[],
  endpoint: string,
  database: string,
  databaseMissing: boolean,
): string {
  const account = accountNameOf(endpoint);
  const lines = [
    databaseMissing
      ? `COSMOS_DATABASE: Cosmos DB account ${account} has no database "${database}".`
      : `COSMOS_DATABASE: Cosmos DB database "${database}" is missing ${problems.length === 1 ? 'a container' : `${problems.length} containers`} the bot needs:`,
  ];
  for (const problem of databaseMissing ? [] : problems) {
    lines.push(
      problem.foundPartitionKeyPath === undefined
        ? `  - ${problem.name} (partition key ${problem.partitionKeyPath}) does not exist`
        : `  - ${problem.name} has partition key ${problem.foundPartitionKeyPath}, not ${problem.partitionKeyPath}: a partition key cannot be changed, so this needs a new container and a data migration`,
    );
  }
  lines.push(
    'The bot signs in with Entra ID, whose data role may read and write documents but not create databases or containers.',
    'Create them by deploying infra/main.bicep again (infra/README.md, "Deploy the infrastructure"), or one by one:',
  );
  if (databaseMissing)
    lines.push(
      `  az cosmosdb sql database create --resource-group <resource group> --account-name ${account} --name ${database}`,
    );
  for (const problem of databaseMissing
    ? allContainers()
    : problems.filter((p) => p.foundPartitionKeyPath === undefined))
    lines.push(
      `  az cosmosdb sql container create --resource-group <resource group> --account-name ${account} --database-name ${database} --name ${problem.name} --partition-key-path ${problem.partitionKeyPath} --ttl -1`,
    );
  return lines.join('\n');
}

function allContainers(): ContainerProblem[] {
  return CONTAINER_NAMES.map((name) => ({ name, partitionKeyPath: `/${partitionKeyField(name)}` }));
}

function accountNameOf(endpoint: string): string {
  try {
    return new URL(endpoint).hostname.split('.')[0] ?? '<account>';
  } catch {
    return '<account>';
  }
}
