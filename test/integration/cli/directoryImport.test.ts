import type { Person } from '../../../src/domain/people';
import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import { fixture, openTestStore, runAgainst, type TestStore } from './cliHarness';

async function listPeople(store: TestStore): Promise<Map<string, Person>> {
  const people = await store.query<Person & Record<string, unknown>>('people');
  return new Map(people.map((person) => [person.email, person]));
}

describe('directory import', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => store.dispose());

  it('imports every person with managers resolved to person ids (BOM, CRLF and quoted commas read)', async () => {
    const run = await runAgainst(store, 'directory', 'import', fixture('staff.csv'));

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe('Imported 4 staff: 4 new, 0 updated, 0 unchanged.\n');
    const people = await listPeople(store);
    const dana = people.get('dana.lead@trust.nhs.uk');
    const ann = people.get('ann.nurse@trust.nhs.uk');
    const omar = people.get('omar.ot@trust.nhs.uk');
    expect(ann).toMatchObject({
      name: 'Ann Nurse',
      profession: 'nursing',
      managerId: dana?.id,
      roles: ['staff'],
    });
    expect(omar).toMatchObject({ name: "Omar O'Toole, OT", profession: 'ahp', managerId: ann?.id });
    expect(dana?.managerId).toBeUndefined();
    expect(ann?.id).toBe(personIdForEmail('ann.nurse@trust.nhs.uk'));
    expect(ann?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('re-importing adds no one twice; a changed file updates fields and keeps ids, roles and conversations', async () => {
    await runAgainst(store, 'directory', 'import', fixture('staff.csv'));
    const before = await listPeople(store);
    const ann = before.get('ann.nurse@trust.nhs.uk') as Person;
    await store.upsert('people', {
      ...ann,
      roles: ['staff', 'programme_lead'],
      conversation: { id: 'conv-ann' },
    });

    const again = await runAgainst(store, 'directory', 'import', fixture('staff.csv'));
    expect(again.out).toBe('Imported 4 staff: 0 new, 0 updated, 4 unchanged.\n');

    const changed = await runAgainst(store, 'directory', 'import', fixture('staff-changed.csv'));
    expect(changed.out).toBe('Imported 4 staff: 0 new, 2 updated, 2 unchanged.\n');
    const after = await listPeople(store);
    expect(after.size).toBe(4);
    expect(after.get('ann.nurse@trust.nhs.uk')).toMatchObject({
      id: ann.id,
      jobTitle: 'Matron',
      roles: ['staff', 'programme_lead'],
      conversation: { id: 'conv-ann' },
    });
    expect(after.get('omar.ot@trust.nhs.uk')?.managerId).toBe(after.get('raj.reg@trust.nhs.uk')?.id);
  });

  it('keeps the id of someone already in the directory (e.g. from Teams) and resolves them as a manager', async () => {
    const existing: Person = {
      id: '00000000-0000-0000-0000-0000000000021',
      email: 'dana.lead@trust.nhs.uk',
      name: 'Dana L',
      jobTitle: '',
      department: 'Nursing',
      profession: 'executive',
      roles: ['staff'],
      conversation: { id: 'conv-dana' },
    };
    await store.upsert('people', { ...existing });

    await runAgainst(store, 'directory', 'import', fixture('staff.csv'));

    const people = await listPeople(store);
    expect(people.get('dana.lead@trust.nhs.uk')).toMatchObject({
      id: existing.id,
      name: 'Dana Lead',
      conversation: { id: 'conv-dana' },
    });
    expect(people.get('ann.nurse@trust.nhs.uk')?.managerId).toBe(existing.id);
  });

  it('imports nothing from a file with bad rows, listing each with its line, and exits 1', async () => {
    const run = await runAgainst(store, 'directory', 'import', fixture('staff-hostile.csv'));

    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^line 4: name starts with "=", which a spreadsheet would run as a formula$/m);
    expect(run.err).toMatch(
      /^line 5: manager "nobody.here@trust.nhs.uk" is not in this file or the staff directory$/m,
    );
    expect(run.err).toMatch(/^line 6: profession "Astronautics" is not known/m);
    expect(run.err).not.toMatch(/^line [23]:/m);
    expect(run.err).toMatch(
      /Nothing imported: the file has 3 bad rows .*--skip-invalid to import the 2 good rows\.\n$/,
    );
    expect(await store.query('people')).toHaveLength(0);
  });

  it('with --skip-invalid imports the good rows and still lists the bad ones', async () => {
    const run = await runAgainst(
      store,
      'directory',
      'import',
      fixture('staff-hostile.csv'),
      '--skip-invalid',
    );

    expect(run.code).toBe(0);
    expect(run.err.match(/^line \d+: /gm)).toHaveLength(3);
    expect(run.out).toBe('Imported 2 staff: 2 new, 0 updated, 0 unchanged. 3 bad rows left out.\n');
    expect([...(await listPeople(store)).keys()].sort()).toEqual([
      'ann.nurse@trust.nhs.uk',
      'dana.lead@trust.nhs.uk',
    ]);
  });

  it('imports grades in one written form and rota coordinators as person ids', async () => {
    const run = await runAgainst(store, 'directory', 'import', fixture('staff-graded.csv'));

    expect(run).toMatchObject({
      code: 0,
      err: '',
      out: 'Imported 4 staff: 4 new, 0 updated, 0 unchanged.\n',
    });
    const people = await listPeople(store);
    const rota = people.get('rota.w7@trust.nhs.uk');
    expect(people.get('ann.nurse@trust.nhs.uk')).toMatchObject({
      grade: 'Band 7',
      rotaCoordinatorId: rota?.id,
    });
    expect(people.get('raj.reg@trust.nhs.uk')).toMatchObject({ grade: 'ST4', rotaCoordinatorId: rota?.id });
    expect(people.get('dana.lead@trust.nhs.uk')).toMatchObject({ grade: 'Band 9' });
    expect(people.get('dana.lead@trust.nhs.uk')?.rotaCoordinatorId).toBeUndefined();
  });

  it('a later file without the columns keeps grades and coordinators; one with them empty clears them', async () => {
    await runAgainst(store, 'directory', 'import', fixture('staff-graded.csv'));

    const without = await runAgainst(store, 'directory', 'import', fixture('staff.csv'));
    expect(without.code).toBe(0);
    let ann = (await listPeople(store)).get('ann.nurse@trust.nhs.uk');
    expect(ann).toMatchObject({ grade: 'Band 7' });
    expect(ann?.rotaCoordinatorId).toBeDefined();

    await runAgainst(store, 'directory', 'import', fixture('staff-graded-cleared.csv'));
    ann = (await listPeople(store)).get('ann.nurse@trust.nhs.uk');
    expect(ann?.grade).toBeUndefined();
    expect(ann?.rotaCoordinatorId).toBeUndefined();
  });

  it('refuses bad grades and unknown coordinators with their lines, importing nothing', async () => {
    const run = await runAgainst(store, 'directory', 'import', fixture('staff-graded-hostile.csv'));

    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^line 3: grade "FY1" is a doctor’s grade but the profession is nursing$/m);
    expect(run.err).toMatch(
      /^line 4: rota coordinator "rota.desk@trust.nhs.uk" is not in this file or the staff directory$/m,
    );
    expect(run.err).toMatch(/^line 5: grade "Grand Vizier" is not known; use an Agenda for Change band/m);
    expect(run.err).not.toMatch(/^line 2:/m);
    expect(await store.query('people')).toHaveLength(0);
  });

  it.each([
    ['a missing file', ['directory', 'import', 'no-such-file.csv'], /does not exist/],
    ['a file that is not CSV', ['directory', 'import', fixture('ann-rota.ics')], /is not a CSV file/],
    ['no file at all', ['directory', 'import'], /missing required argument 'file'/],
  ])('exits 2 for %s', async (_label, args, message) => {
    const run = await runAgainst(store, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });
});
