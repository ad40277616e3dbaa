import fs from 'node:fs';
import path from 'node:path';
import { CONTAINER_NAMES, partitionKeyField } from '../src/store/containers';
import { findRepoRoot } from './appPackage/findRepoRoot';

/** One container as infra/main.bicep creates it. */
export interface InfraContainer {
  name: string;
  partitionKeyPath: string;
}

/** The containers of src/store/containers.ts, in the shape the Bicep reads with loadJsonContent. */
export function describeContainers(): InfraContainer[] {
  return CONTAINER_NAMES.map((name) => ({ name, partitionKeyPath: `/${partitionKeyField(name)}` }));
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
