import { runDirectorySync, type GraphSyncDeps } from '../../../src/cli/commands/graphSync';
import { ReportedFailure } from '../../../src/cli/reportFailure';
import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import { GraphAccessDeniedError } from '../../../src/graph/graphErrors';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { openTestStore, runAgainst, type TestStore } from '../cli/cliHarness';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { IDS, serveEntra, STAFF_GROUP } from './entraFixture';

describe('directory sync --graph', () => {
  let stub: GraphStub;
  let store: TestStore;
  let people: PeopleRepository;
  let out: string;
  let err: string;

  beforeEach(async () => {
    stub = await startGraphStub();
    serveEntra(stub);
    store = await openTestStore();
    people = new PeopleRepository(store);
    out = '';
    err = '';
  });
  afterEach(async () => {
    await stub.stop();
    await store.dispose();
  });

  const deps = (env: Record<string, string> = {}): GraphSyncDeps => ({
    store,
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    now: () => new Date('2026-03-02T09:00:00Z'),
    env: { GRAPH_ENABLED: 'true', GRAPH_BASE_URL: stub.baseUrl, ...env },
    credential: new StubCredential(),
    sleep: async () => undefined,
  });

  it('syncs a staff group page by page under Entra ID object ids, adding the line manager from outside it', async () => {
    const summary = await runDirectorySync(deps(), { graph: true, group: STAFF_GROUP });

    expect(summary).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      managersAdded: 1,
      skipped: [{ id: IDS.porter, reason: 'staff group not recognised' }],
    });
    expect(out).toBe(
      'Synced 3 staff from Entra ID: 3 new, 0 updated, 0 unchanged. Added 1 line manager from outside the group. Left out 1 (listed on stderr).\n',
    );
    expect(err).toBe(`left out ${IDS.porter}: staff group not recognised\n`);
    const members = stub.requestsTo('GET', `/groups/${STAFF_GROUP}/transitiveMembers/microsoft.graph.user`);
    expect(members).toHaveLength(2);
    expect(members[0]?.query.get('$top')).toBe('999');
    expect(await people.findById(IDS.doctor)).toEqual({
      id: IDS.doctor,
      email: 'tom.oneill@trust.example.nhs.uk',
      name: "Tom O'Neill",
      jobTitle: 'FY1 Doctor',
      department: 'Respiratory',
      profession: 'medical',
      managerId: IDS.nurse,
      roles: ['staff'],
    });
    expect((await people.findById(IDS.nurse))?.managerId).toBe(IDS.matron);
    expect((await people.findById(IDS.matron))?.jobTitle).toBe('Matron');
    // Guests and disabled accounts are listed by Graph but are not staff.
    expect(await people.findById(IDS.guest)).toBeUndefined();
    expect(await people.findById(IDS.leaver)).toBeUndefined();
    expect(
      stub.requests.some((r) => r.path === `/users/${IDS.guest}` || r.path === `/users/${IDS.leaver}`),
    ).toBe(false);
  });

  it('changes nothing when run again, keeping what the bot wrote', async () => {
    await runDirectorySync(deps(), { graph: true, group: STAFF_GROUP });
    const nurse = await people.findById(IDS.nurse);
    await people.upsert({
      ...(nurse as NonNullable<typeof nurse>),
      roles: ['staff', 'programme_lead'],
      conversation: { conversation: { id: 'a:1' } },
    });
    out = '';

    const again = await runDirectorySync(deps(), { graph: true, group: STAFF_GROUP });

    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, managersAdded: 0 });
    expect(await people.findById(IDS.nurse)).toMatchObject({
      roles: ['staff', 'programme_lead'],
      conversation: { conversation: { id: 'a:1' } },
    });
  });

  it('leaves out someone already in the directory from a file import, rather than making a second person', async () => {
    const imported = personIdForEmail('tom.oneill@trust.example.nhs.uk');
    await people.upsert({
      id: imported,
      email: 'tom.oneill@trust.example.nhs.uk',
      name: "Tom O'Neill",
      jobTitle: 'FY1',
      department: 'Respiratory',
      profession: 'medical',
      roles: ['staff'],
    });

    const summary = await runDirectorySync(deps(), { graph: true, user: [IDS.doctor] });

    expect(summary.skipped).toEqual([{ id: IDS.doctor, reason: 'in the directory under another id' }]);
    expect(await people.findById(IDS.doctor)).toBeUndefined();
    expect((await people.listAll()).map((p) => p.id)).toEqual([imported]);
  });

  it('finds --user by object id, sign-in name or mail, and reports one Entra ID does not know', async () => {
    const run = runDirectorySync(deps(), {
      graph: true,
      user: [
        IDS.physio,
        'PShah@trust.example.nhs.uk',
        'tom.oneill@trust.example.nhs.uk',
        'nobody@trust.example.nhs.uk',
      ],
    });

    await expect(run).rejects.toBeInstanceOf(ReportedFailure);
    expect((await people.listAll()).map((p) => p.id).sort()).toEqual(
      [IDS.nurse, IDS.doctor, IDS.matron, IDS.physio].sort(),
    );
    expect(err).toBe('not found in Entra ID: nobody@trust.example.nhs.uk\n');
    expect(stub.requestsTo('GET', '/users').map((r) => r.query.get('$filter'))).toEqual([
      "mail eq 'tom.oneill@trust.example.nhs.uk'",
      "mail eq 'nobody@trust.example.nhs.uk'",
    ]);
  });

  it('syncs the whole tenant with --all', async () => {
    const summary = await runDirectorySync(deps(), { graph: true, all: true });

    expect(summary).toMatchObject({ created: 4, managersAdded: 0 });
    expect(stub.requestsTo('GET', '/users')[0]?.query.get('$select')).toBe('id,accountEnabled,userType');
  });

  it('names the permission to grant when Graph refuses to list the group', async () => {
    stub.route('GET', `/groups/${STAFF_GROUP}/transitiveMembers/microsoft.graph.user`, {
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied' } },
    });

    const error = await runDirectorySync(deps(), { graph: true, group: STAFF_GROUP }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toContain('GroupMember.Read.All');
    expect(await people.listAll()).toEqual([]);
  });

  it('waits out throttling while listing and carries on', async () => {
    stub.queue('GET', `/groups/${STAFF_GROUP}/transitiveMembers/microsoft.graph.user`, {
      status: 429,
      headers: { 'retry-after': '30' },
    });

    await expect(runDirectorySync(deps(), { graph: true, group: STAFF_GROUP })).resolves.toMatchObject({
      created: 3,
    });
  });
});

describe('directory sync on the command line', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => store.dispose());

  it.each([
    [['directory', 'sync', '--group', STAFF_GROUP], 'say where from with --graph'],
    [['directory', 'sync', '--graph'], 'say whose entries to sync'],
    [['directory', 'sync', '--graph', '--all', '--group', STAFF_GROUP], 'say whose entries to sync'],
    [['directory', 'sync', '--graph', '--group', 'Ward 7 staff'], '--group: "Ward 7 staff" is not'],
    [['directory', 'sync', '--graph', '--user', "x' or 1 eq 1"], '--user: '],
    [['directory', 'sync', '--graph', '--all'], 'GRAPH_ENABLED: Microsoft Graph is switched off'],
  ])('refuses %j with exit code 2 before calling Graph', async (args, message) => {
    const run = await runAgainst(store, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(await new PeopleRepository(store).listAll()).toEqual([]);
  });
});
