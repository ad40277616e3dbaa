import fs from 'node:fs';
import path from 'node:path';
import { CONTAINERS, CONTAINER_NAMES, partitionKeyField } from '../src/store/containers';
import { findRepoRoot } from './appPackage/findRepoRoot';

/** One container as infra/main.bicep creates it. */
export interface InfraContainer {
  name: string;
  partitionKeyPath: string;
  /** -1: time to live on with no default, so a document expires only when it carries its own `ttl` (retention). */
  defaultTtl: number;
}

/** TTL as the Cosmos adapter creates containers (cosmosDocumentStore init), unless containers.ts says otherwise. */
const TTL_ON_WITHOUT_DEFAULT = -1;

/** The containers of src/store/containers.ts, in the shape the Bicep reads with loadJsonContent. */
export function describeContainers(): InfraContainer[] {
  return CONTAINER_NAMES.map((name) => {
    const definition: { partitionKey: string; defaultTtl?: number } = CONTAINERS[name];
    return {
      name,
      partitionKeyPath: `/${partitionKeyField(name)}`,
      defaultTtl: definition.defaultTtl ?? TTL_ON_WITHOUT_DEFAULT,
    };
  });
}

export function renderContainersJson(): string {
  return `${JSON.stringify(describeContainers(), null, 2)}\n`;
}

/** Writes infra/containers.json. Run after any change to src/store/containers.ts; a unit test fails until you do. */
function main(): void {
  const file = path.join(findRepoRoot(__dirname), 'infra', 'containers.json');
  fs.writeFileSync(file, renderContainersJson());
  process.stdout.write(`Wrote ${file}\n`);
}

if (require.main === module) main();
