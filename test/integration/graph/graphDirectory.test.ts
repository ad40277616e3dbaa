import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphClient } from '../../../src/graph/graphClient';
import { GraphDirectory } from '../../../src/graph/graphDirectory';
import { GraphAccessDeniedError, GraphNotFoundError } from '../../../src/graph/graphErrors';
import { syncDirectoryUser } from '../../../src/graph/syncDirectoryUser';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';

const NURSE = 'c0ffee00-0000-4000-8000-000000000001';
const MANAGER = 'c0ffee00-0000-4000-8000-000000000002';
const NO_GROUP = 'c0ffee00-0000-4000-8000-000000000003';

const nurse = {
  id: NURSE,
  displayName: 'Priya Shah',
  mail: 'Priya.Shah@trust.example.nhs.uk',
  userPrincipalName: 'pshah@trust.example.nhs.uk',
  jobTitle: 'Staff Nurse',
  department: 'Ward 7 (Respiratory)',
  employeeType: 'Nursing and Midwifery Registered',
  onPremisesExtensionAttributes: { extensionAttribute3: 'Allied Health Professionals' },
};

describe('GraphDirectory and syncing a person into the people repository', () => {
  let stub: GraphStub;
  let graph: GraphClient;
  let now: number;
  let dataDir: string;
  let store: SqliteDocumentStore;
  let people: PeopleRepository;

  beforeEach(async () => {
    stub = await startGraphStub();
    graph = new GraphClient({
      credential: new StubCredential(),
      baseUrl: stub.baseUrl,
      sleep: async () => undefined,
    });
    now = Date.parse('2026-03-02T09:00:00Z');
    stub.route('GET', `/users/${NURSE}`, (request) => ({
      body: pick(nurse, (request.query.get('$select') ?? '').split(',')),
    }));
    stub.route('GET', `/users/${NURSE}/manager`, { body: { id: MANAGER } });
    stub.route('GET', `/users/${NO_GROUP}`, {
      body: {
        id: NO_GROUP,
        displayName: 'Sam Lee',
        mail: null,
        userPrincipalName: 'SLee@trust.example.nhs.uk',
        jobTitle: null,
        department: null,
      },
    });
    dataDir = mkdtempSync(path.join(tmpdir(), 'shadowing-graph-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    people = new PeopleRepository(store);
  });
  afterEach(async () => {
    await stub.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const directory = (professionField?: string) =>
    new GraphDirectory(graph, { professionField, ttlMs: 60_000, now: () => now });

  it('reads a profile with the staff group from employeeType, selecting only the fields it needs', async () => {
    const profile = await directory().readProfile(NURSE);
    expect(profile).toEqual({
      id: NURSE,
      email: 'priya.shah@trust.example.nhs.uk',
      name: 'Priya Shah',
      jobTitle: 'Staff Nurse',
      department: 'Ward 7 (Respiratory)',
      professionText: 'Nursing and Midwifery Registered',
      profession: 'nursing',
    });
    expect(stub.requests[0]?.query.get('$select')).toBe(
      'id,displayName,mail,userPrincipalName,jobTitle,department,employeeType',
    );
  });

  it('reads the staff group from an extension attribute when the Trust keeps it there', async () => {
    const profile = await directory('onPremisesExtensionAttributes.extensionAttribute3').readProfile(NURSE);
    expect(profile.profession).toBe('ahp');
    expect(stub.requests[0]?.query.get('$select')).toContain(',onPremisesExtensionAttributes');
  });

  it('refuses a profession field that is not a property name', () => {
    expect(() => directory('employeeType,mail&$expand=manager')).toThrow('GRAPH_PROFESSION_FIELD');
  });

  it('falls back to the sign-in name for email, and leaves an unreadable staff group unset', async () => {
    const profile = await directory().readProfile(NO_GROUP);
    expect(profile).toEqual({
      id: NO_GROUP,
      email: 'slee@trust.example.nhs.uk',
      name: 'Sam Lee',
      jobTitle: '',
      department: '',
    });
  });

  it('reads the line manager, and no manager as none', async () => {
    expect(await directory().readManagerId(NURSE)).toBe(MANAGER);
    expect(await directory().readManagerId(NO_GROUP)).toBeUndefined();
  });

  it('keeps profiles and managers for the time to live, then asks Graph again', async () => {
    const cached = directory();
    await cached.readProfile(NURSE);
    await cached.readManagerId(NURSE);
    now += 59_000;
    await cached.readProfile(NURSE);
    await cached.readManagerId(NURSE);
    expect(stub.requests).toHaveLength(2);
    now += 2_000;
    await cached.readProfile(NURSE);
    expect(stub.requestsTo('GET', `/users/${NURSE}`)).toHaveLength(2);
  });

  it('says who is missing and what permission is lacking', async () => {
    await expect(directory().readProfile('c0ffee00-0000-4000-8000-00000000dead')).rejects.toBeInstanceOf(
      GraphNotFoundError,
    );
    stub.route('GET', `/users/${MANAGER}`, {
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied' } },
    });
    const error = await directory()
      .readProfile(MANAGER)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toContain('User.Read.All');
  });

  it('creates the person from Graph, then finds nothing to change on a second sync', async () => {
    expect(await syncDirectoryUser(directory(), people, NURSE)).toEqual({ outcome: 'created' });
    expect(await people.findById(NURSE)).toEqual({
      id: NURSE,
      email: 'priya.shah@trust.example.nhs.uk',
      name: 'Priya Shah',
      jobTitle: 'Staff Nurse',
      department: 'Ward 7 (Respiratory)',
      profession: 'nursing',
      managerId: MANAGER,
      roles: ['staff'],
    });
    expect(await syncDirectoryUser(directory(), people, NURSE)).toEqual({ outcome: 'unchanged' });
  });

  it('keeps roles and the conversation reference the bot wrote, and updates what Graph owns', async () => {
    await people.upsert({
      id: NURSE,
      email: 'old@trust.example.nhs.uk',
      name: 'Priya Shah',
      jobTitle: 'Student Nurse',
      department: 'Ward 7',
      profession: 'nursing',
      roles: ['staff', 'programme_lead'],
      conversation: { conversation: { id: 'a:1' } },
    });
    expect(await syncDirectoryUser(directory(), people, NURSE)).toEqual({ outcome: 'updated' });
    const person = await people.findById(NURSE);
    expect(person?.jobTitle).toBe('Staff Nurse');
    expect(person?.roles).toEqual(['staff', 'programme_lead']);
    expect(person?.conversation).toEqual({ conversation: { id: 'a:1' } });
  });

  it("skips a new person whose staff group cannot be read, but keeps a known person's", async () => {
    expect(await syncDirectoryUser(directory(), people, NO_GROUP)).toEqual({
      outcome: 'skipped',
      reason: 'profession not recognised',
    });
    expect(await people.findById(NO_GROUP)).toBeUndefined();
    await people.upsert({
      id: NO_GROUP,
      email: 'x@trust.example.nhs.uk',
      name: 'Sam Lee',
      jobTitle: 'Porter',
      department: 'Estates',
      profession: 'admin',
      roles: ['staff'],
    });
    expect(await syncDirectoryUser(directory(), people, NO_GROUP)).toEqual({ outcome: 'updated' });
    expect((await people.findById(NO_GROUP))?.profession).toBe('admin');
  });
});

function pick(user: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(user).filter(([key]) => fields.includes(key)));
}
