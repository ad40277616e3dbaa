import { CONTAINER_NAMES } from '../../../src/store/containers';
import type { DocumentStore } from '../../../src/store/documentStore';
import { seedDigestFixtures } from '../../support/digestFixtures';
import { openTestStore, runAgainst, type TestStore } from '../cli/cliHarness';

/** Every document in every container, in a stable order: to show that a command wrote nothing. */
async function snapshot(store: DocumentStore): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const container of CONTAINER_NAMES) {
    const docs = await store.query(container);
    all[container] = docs.sort((a, b) => a.id.localeCompare(b.id));
  }
  return JSON.stringify(all);
}

describe('npm run cli -- digest preview', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDigestFixtures(store, ['carl']);
  });
  afterAll(async () => store.dispose());

  it('prints every digest the week would send, and writes nothing', async () => {
    const before = await snapshot(store);
    const run = await runAgainst(store, 'digest', 'preview', '--week', '2026-W10');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(
      'Weekly digests for 2026-W10, as they would be built at 2026-03-02T08:00:00+00:00',
    );
    for (const to of [
      'Adele Vance <adele@',
      'Alex Wilber <alex@',
      'Megan Bowen <megan@',
      'Patti Fernandez <patti@',
    ])
      expect(run.out).toContain(`To: ${to}`);
    expect(run.out).not.toContain('To: Carl');
    expect(run.out).not.toContain('To: Isaiah');
    expect(run.out).toContain(
      'Approvals waiting for you (1):\n  - Thu 19 Mar, 09:00-13:00: Physio on the stroke unit, visitor Alex Wilber (waiting 6 working days)',
    );
    expect(run.out).toMatch(/w\/c 23 Feb {2}#{20} {2}2 visits completed/);
    expect(run.out).toContain('7 digests would be sent.\nThis was a preview: nothing was sent or written.\n');
    expect(await snapshot(store)).toBe(before);
  });

  it("shows one person's digest, and says when it could not be sent", async () => {
    const before = await snapshot(store);
    const megan = await runAgainst(
      store,
      'digest',
      'preview',
      '--week',
      '2026-W10',
      '--person',
      'MEGAN@trust.nhs.uk',
    );
    expect(megan.out.match(/^To: /gm)).toHaveLength(1);
    expect(megan.out).toContain('To: Megan Bowen <megan@trust.nhs.uk>\n');
    expect(megan.out).not.toContain('Bob');
    const carl = await runAgainst(
      store,
      'digest',
      'preview',
      '--week',
      '2026-W10',
      '--person',
      'carl@trust.nhs.uk',
    );
    expect(carl.out).toContain(
      'To: Carl Visitor <carl@trust.nhs.uk> - NOT SENT: this person cannot be reached in Teams',
    );
    expect(carl.out).toContain('0 digests would be sent.');
    const isaiah = await runAgainst(
      store,
      'digest',
      'preview',
      '--week',
      '2026-W10',
      '--person',
      'isaiah@trust.nhs.uk',
    );
    expect(isaiah.out).toContain('isaiah@trust.nhs.uk has nothing this week, so would get no digest.');
    expect(await snapshot(store)).toBe(before);
  });

  it.each([
    [['--week', '2025-W53'], /--week: "2025-W53" is not a week that exists/],
    [['--week', 'next week'], /use the ISO form YYYY-Www/],
    [['--person', 'nobody@trust.nhs.uk'], /No one with the email nobody@trust.nhs.uk/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const run = await runAgainst(store, 'digest', 'preview', ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });
});
