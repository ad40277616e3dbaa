import type { Person } from '../../../src/domain/people';
import type { DocumentStore } from '../../../src/store/documentStore';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const BASE = {
  email: 'ann.nurse@trust.nhs.uk',
  name: 'Ann Nurse',
  jobTitle: 'Staff Nurse',
  department: 'Ward 7',
  profession: 'nursing',
} as const;

describe.each(STORE_SUBJECTS)('grade and rota coordinator on a person: $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  let people: PeopleRepository;

  beforeAll(async () => {
    ({ store, cleanup } = await subject.open());
    people = new PeopleRepository(store);
  });
  afterAll(async () => cleanup());

  it('reads a person stored before these fields existed, without them', async () => {
    await store.create('people', { id: 'old-1', ...BASE, roles: ['staff'] });
    const person = (await people.findById('old-1')) as Person;
    expect(person).toMatchObject({ id: 'old-1', name: 'Ann Nurse' });
    expect(person.grade).toBeUndefined();
    expect(person.rotaCoordinatorId).toBeUndefined();
    expect(await people.saveDirectoryEntry('old-1', { ...BASE })).toBe('unchanged');
  });

  it('writes them, keeps them when a source lacks them, and clears them when a source says none', async () => {
    expect(
      await people.saveDirectoryEntry('p-1', { ...BASE, grade: 'Band 5', rotaCoordinatorId: 'rota-1' }),
    ).toBe('created');
    expect(await people.findById('p-1')).toMatchObject({ grade: 'Band 5', rotaCoordinatorId: 'rota-1' });

    expect(
      await people.saveDirectoryEntry('p-1', { ...BASE, grade: 'Band 5', rotaCoordinatorId: 'rota-1' }),
    ).toBe('unchanged');
    // A source without the fields (Graph, a file without the columns) leaves them alone.
    expect(await people.saveDirectoryEntry('p-1', { ...BASE, jobTitle: 'Sister' })).toBe('updated');
    expect(await people.findById('p-1')).toMatchObject({
      jobTitle: 'Sister',
      grade: 'Band 5',
      rotaCoordinatorId: 'rota-1',
    });

    expect(await people.saveDirectoryEntry('p-1', { ...BASE, jobTitle: 'Sister', grade: 'Band 6' })).toBe(
      'updated',
    );
    expect((await people.findById('p-1'))?.grade).toBe('Band 6');

    expect(
      await people.saveDirectoryEntry('p-1', {
        ...BASE,
        jobTitle: 'Sister',
        grade: undefined,
        rotaCoordinatorId: undefined,
      }),
    ).toBe('updated');
    const cleared = (await people.findById('p-1')) as Person & Record<string, unknown>;
    expect('grade' in cleared).toBe(false);
    expect('rotaCoordinatorId' in cleared).toBe(false);
  });
});
