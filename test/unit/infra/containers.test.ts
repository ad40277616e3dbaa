import fs from 'node:fs';
import path from 'node:path';
import { describeContainers, renderContainersJson } from '../../../scripts/writeInfraContainers';
import { CONTAINERS, CONTAINER_NAMES } from '../../../src/store/containers';
import { INFRA, readInfraFile } from './readBicep';

describe('the containers the Bicep creates', () => {
  it('infra/containers.json is what src/store/containers.ts says (run scripts/writeInfraContainers.ts after changing either)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(INFRA, 'containers.json'), 'utf8')) as unknown;
    expect(committed).toEqual(describeContainers());
    expect(fs.readFileSync(path.join(INFRA, 'containers.json'), 'utf8')).toBe(renderContainersJson());
  });

  it('lists every container once, with its partition key as a path', () => {
    const described = describeContainers();
    expect(described.map((c) => c.name)).toEqual(CONTAINER_NAMES);
    for (const container of described) {
      expect(container.partitionKeyPath).toBe(
        `/${CONTAINERS[container.name as keyof typeof CONTAINERS].partitionKey}`,
      );
      expect(container.partitionKeyPath).toMatch(/^\/[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });

  it('has time to live switched on, as the Cosmos adapter creates containers, so retention periods take effect', () => {
    const adapter = fs.readFileSync(
      path.resolve(INFRA, '../src/store/cosmos/cosmosDocumentStore.ts'),
      'utf8',
    );
    const adapterTtl = /defaultTtl: (-?\d+)/.exec(adapter)?.[1];
    expect(adapterTtl).toBeDefined();
    for (const container of describeContainers()) expect(container.defaultTtl).toBe(Number(adapterTtl));
  });

  it('main.bicep reads containers.json and hands it to the Cosmos module, which creates one container per entry', () => {
    const main = readInfraFile('main.bicep');
    expect(main).toContain("var containers = loadJsonContent('containers.json')");
    expect(main).toMatch(/module cosmos 'modules\/cosmos\.bicep' = \{[\s\S]*?\n {4}containers: containers\n/);

    const cosmos = readInfraFile('modules/cosmos.bicep');
    expect(cosmos).toContain('[for container in containers: {');
    expect(cosmos).toMatch(/id: container\.name/);
    expect(cosmos).toMatch(/paths: \[\s*container\.partitionKeyPath\s*\]/);
    expect(cosmos).toContain('defaultTtl: container.defaultTtl');
    expect(cosmos).toContain("indexingMode: 'consistent'");
    // No container is named anywhere else in the Bicep: the JSON is the only list.
    for (const name of CONTAINER_NAMES) {
      expect(main).not.toMatch(new RegExp(`'${name}'`));
      expect(cosmos).not.toMatch(new RegExp(`'${name}'`));
    }
  });
});
