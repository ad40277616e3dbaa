import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { describeRequest } from '../../../src/app/describeRequest';
import type { Notification } from '../../../src/app/notifications';
import { runRotaImport, type RotaImportResult } from '../../../src/cli/commands/rotaImport';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { toLondonDate } from '../../../src/domain/time/londonTime';
import { renderNotification } from '../../../src/teams/renderNotification';
import { freeMornings, relatedDocuments, requestInState } from '../../support/requestInState';
import { personOf, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

type Slot = { start: string; end: string };

/**
 * A rota import through the real command, over both stores: open visits of the people whose rota
 * changed are checked again. A changed release goes back to the manager; a visit that no longer
 * fits is told to everyone; a change that touches nothing tells nobody; the same file twice makes
 * one change; and a decision landing at the same moment makes exactly one.
 */
describe.each(STORE_SUBJECTS)('open visits checked again after a rota import: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let dir: string;
  let slots: Slot[];
  let emails: { alex: string; adele: string };

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rota-recheck-'));
    // Mornings when Alex may visit Adele's team, each case its own, taken off his rota so that
    // each starts in his own time with nothing to release.
    slots = await freeMornings(workflow.services, 7, workflow.services.clock());
    for (const slot of slots) {
      const month = toLondonDate(Date.parse(slot.start)).slice(0, 7);
      const rota = (await workflow.services.rota.readMonth(DEMO_IDS.alex, month))?.rota;
      if (rota)
        await workflow.services.rota.writeMonth({
          ...rota,
          shifts: rota.shifts.filter((s) => s.end <= slot.start || s.start >= slot.end),
        });
    }
    const [alex, adele] = await Promise.all([
      personOf(workflow.services, DEMO_IDS.alex),
      personOf(workflow.services, DEMO_IDS.adele),
    ]);
    emails = { alex: alex.email, adele: adele.email };
  });
  afterAll(async () => {
    await cleanup();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs `rota import` on a CSV of these rows (email, date, start, end, code). */
  async function importRota(
    name: string,
    rows: string[][],
    options: { replace?: boolean } = {},
  ): Promise<RotaImportResult & { out: string }> {
    const file = path.join(dir, `${name}.csv`);
    const csv = ['staff_email,date,start,end,code', ...rows.map((r) => r.join(','))].join('\n');
    await fs.writeFile(file, `${csv}\n`);
    let out = '';
    const result = await runRotaImport(
      {
        store: workflow.store,
        out: { write: (text: string) => (out += text) },
        err: { write: () => undefined },
        now: workflow.services.clock,
      },
      { file, skipInvalid: false, ...options },
    );
    return { ...result, out };
  }

  /** A visit in `state` at `slot` (in Alex's own time unless `release` says otherwise), its host's place held. */
  async function visit(
    state: 'confirmed' | 'awaiting_host',
    slot: Slot,
    release: Partial<ShadowingRequest> = {},
  ): Promise<ShadowingRequest> {
    const request: ShadowingRequest = {
      ...requestInState(state, slot, slot, workflow.services.clock()),
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
      cover: 'not_needed',
      coverMethod: 'not_needed',
      ...release,
    };
    await workflow.services.requests.create(request);
    await workflow.services.holds.reserve(
      DEMO_IDS.adele,
      request.offerId!,
      { requestId: request.id, ...slot },
      async () => ({ ok: true }),
    );
    await workflow.services.tasks.upsert({
      id: `host:${request.id}`,
      assigneeId: DEMO_IDS.adele,
      role: 'host',
      requestId: request.id,
      visitorId: request.visitorId,
      state: request.state,
      offerId: request.offerId,
      start: slot.start,
      end: slot.end,
      updatedAt: request.updatedAt,
    });
    return request;
  }

  const stored = async (request: ShadowingRequest) =>
    (await workflow.services.requests.find(request.visitorId, request.id))!.request;
  async function messagesAbout(request: ShadowingRequest): Promise<Notification[]> {
    const all = await Promise.all(
      [DEMO_IDS.alex, DEMO_IDS.megan, DEMO_IDS.adele].map((id) => workflow.services.outbox.listForPerson(id)),
    );
    return all.flat().filter((n) => n.requestId === request.id);
  }
  const to = (messages: Notification[], personId: string) => messages.filter((m) => m.personId === personId);
  const dayOf = (slot: Slot) => toLondonDate(Date.parse(slot.start));

  it('sends a confirmed visit now in work time back to the manager, once, the place kept', async () => {
    const slot = slots[0]!;
    const request = await visit('confirmed', slot);
    const rows = [[emails.alex, dayOf(slot), '08:00', '16:00', 'E']];

    const first = await importRota('early-shift', rows);

    expect(first.recheck).toEqual({ checked: 1, backToManager: 1, noLongerFit: 0, fitAgain: 0 });
    expect(first.out).toContain(
      'Checked 1 visit still to come against the new rota: 1 visit sent back to the manager to release again',
    );
    const after = await stored(request);
    expect(after).toMatchObject({
      state: 'awaiting_manager',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
    });
    expect(after.cover).toBeUndefined();
    expect(after.coverMethod).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ from: 'confirmed', to: 'awaiting_manager', by: 'system' });
    // The host's place is still held for Alex.
    const holds = await workflow.services.holds.holdsAround(
      DEMO_IDS.adele,
      request.offerId!,
      slot.start,
      slot.end,
    );
    expect(holds.map((h) => h.requestId)).toContain(request.id);

    const messages = await messagesAbout(request);
    const [megan] = to(messages, DEMO_IDS.megan);
    expect(megan).toMatchObject({ kind: 'approval_needed' });
    expect(megan!.note).toBe(
      "Alex Wilber's rota has changed. This visit was in their own time; it is now in work time " +
        '(4 hours released, 4 hours of cover needed). Please decide on the release again.',
    );
    const [alex] = to(messages, DEMO_IDS.alex);
    expect(alex).toMatchObject({ kind: 'request_update' });
    expect(alex!.note).toContain(
      'Your rota has changed. This visit was in your own time; it is now in work time',
    );
    expect(alex!.note).toContain('Megan Bowen has been asked to decide on your release again.');
    expect(alex!.note).toContain('Adele Vance is keeping your place.');
    const [adele] = to(messages, DEMO_IDS.adele);
    expect(adele!.note).toContain(
      "Alex Wilber's rota has changed, so their manager has been asked to release them again.",
    );
    expect(adele!.note).not.toMatch(/work time|hours|shift/);
    expect(messages).toHaveLength(3);

    const documents = await relatedDocuments(workflow.store, request);
    const again = await importRota('early-shift-again', rows);
    expect(again.added).toBe(0);
    expect(again.recheck.checked).toBe(0);
    expect(await relatedDocuments(workflow.store, request)).toBe(documents);
  });

  it('tells visitor, host and manager when the host is now on leave, each in their own words, once', async () => {
    const slot = slots[1]!;
    const request = await visit('confirmed', slot);
    const rows = [[emails.adele, dayOf(slot), '00:00', '00:00', 'AL']];

    const first = await importRota('host-leave', rows);

    expect(first.recheck).toMatchObject({ noLongerFit: 1, backToManager: 0 });
    const after = await stored(request);
    expect(after.state).toBe('confirmed');
    expect(after.rotaClash).toContain('host_on_leave');
    const messages = await messagesAbout(request);
    expect(messages).toHaveLength(3);
    const note = (id: string) => to(messages, id)[0]!.note!;
    expect(note(DEMO_IDS.adele)).toBe(
      'This visit no longer fits the rotas. Your rota now shows you on leave or away at that time. ' +
        'You can cancel it on your confirmation card; Alex Wilber can then ask for another time.',
    );
    expect(note(DEMO_IDS.alex)).toBe(
      'This visit no longer fits the rotas. Adele Vance can no longer host at that time. ' +
        'To cancel it, type "my requests"; to ask for another time, type "new request".',
    );
    expect(note(DEMO_IDS.megan)).toBe(
      'This visit no longer fits the rotas. Adele Vance can no longer host at that time. ' +
        'Alex Wilber has been told and can cancel it or ask for another time.',
    );
    // Neither the visitor nor the manager hears why the host is away.
    expect(note(DEMO_IDS.alex)).not.toMatch(/leave/i);
    expect(note(DEMO_IDS.megan)).not.toMatch(/leave/i);

    const documents = await relatedDocuments(workflow.store, request);
    // The same leave sent again, in a file that also adds a shift elsewhere in Adele's month.
    const again = await importRota('host-leave-again', [
      ...rows,
      [emails.adele, '2025-03-31', '09:00', '17:00', 'E'],
    ]);
    expect(again.recheck).toMatchObject({ noLongerFit: 0, backToManager: 0 });
    expect(await relatedDocuments(workflow.store, request)).toBe(documents);
  });

  it('tells nobody anything when the change does not touch the visit', async () => {
    const slot = slots[2]!;
    const request = await visit('awaiting_host', slot);
    const documents = await relatedDocuments(workflow.store, request);
    // A shift for Alex ending the evening before, with more than 11 hours' rest before the visit.
    const day = new Date(Date.parse(slot.start) - 86_400_000);
    const result = await importRota('evening-before', [
      [emails.alex, toLondonDate(day.getTime()), '12:00', '20:00', 'L'],
    ]);
    expect(result.added).toBe(1);
    expect(result.recheck).toMatchObject({ backToManager: 0, noLongerFit: 0, fitAgain: 0 });
    expect(result.recheck.checked).toBeGreaterThanOrEqual(1);
    expect(await relatedDocuments(workflow.store, request)).toBe(documents);
  });

  it('asks the programme leads when the visitor has no manager in the directory', async () => {
    const slot = slots[4]!;
    const { managerId: _none, ...unmanaged } = await visit('awaiting_host', slot);
    await workflow.services.requests.replace(
      unmanaged,
      (await workflow.services.requests.find(unmanaged.visitorId, unmanaged.id))!.etag,
    );
    await workflow.services.people.rememberConversation(DEMO_IDS.patti, { conversation: { id: 'a:patti' } });

    const result = await importRota('no-manager', [[emails.alex, dayOf(slot), '07:00', '11:00', 'E']]);

    expect(result.recheck).toMatchObject({ backToManager: 1 });
    expect(await stored(unmanaged)).toMatchObject({ state: 'awaiting_manager', releaseHours: 2 });
    const leads = (await workflow.services.outbox.listForPerson(DEMO_IDS.patti)).filter(
      (n) => n.requestId === unmanaged.id,
    );
    expect(leads.map((n) => n.kind)).toEqual(['approval_needed']);
    expect(leads[0]!.note).toContain('(2 hours released, 2 hours of cover needed)');
    const [alex] = to(await messagesAbout(unmanaged), DEMO_IDS.alex);
    expect(alex!.note).toContain('The programme lead has been asked to decide on your release again.');
  });

  it('tells the rota coordinator arranging cover that it is on hold, on their cover card', async () => {
    const slot = slots[6]!;
    // Released from a shift that is no longer on Alex's rota; cover handed to the coordinator.
    const request = await visit('confirmed', slot, {
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverArrangerId: DEMO_IDS.miriam,
    });
    // Any change to Alex's rota that month starts the check: a late shift a week after the visit.
    const later = toLondonDate(Date.parse(slot.start) + 7 * 86_400_000);
    const result = await importRota('coordinator', [[emails.alex, later, '13:00', '21:00', 'L']]);

    expect(result.recheck).toMatchObject({ backToManager: 1 });
    expect(await stored(request)).toMatchObject({ state: 'awaiting_manager', timeBasis: 'own_time' });
    const owed = (await workflow.services.outbox.listForPerson(DEMO_IDS.miriam)).filter(
      (n) => n.requestId === request.id,
    );
    expect(owed.map((n) => n.kind)).toEqual(['cover_needed']);
    expect(owed[0]!.note).toContain('Nothing more is needed from you for now');
    expect(owed[0]!.note).not.toMatch(/own time|work time/);
    // The card says the same as the note: cover is on hold, not "not needed".
    const card = JSON.stringify(
      renderNotification(owed[0]!, await describeRequest(workflow.services, await stored(request))),
    );
    expect(card).toContain(
      '"title":"Cover","value":"On hold: the manager is deciding again how the shift is covered"',
    );
    expect(card).not.toContain('Not needed');
  });

  it('with --replace, sends a visit back to the manager when the shift it released is moved away', async () => {
    const slot = slots[3]!;
    await importRota('roster', [[emails.alex, dayOf(slot), '08:00', '16:00', 'E']]);
    // Approved as work time: the visit takes 4 hours of that early shift.
    const request = await visit('confirmed', slot, {
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
    });

    // The new roster moves Alex's shift that day to the afternoon and evening.
    const moved = await importRota('roster-moved', [[emails.alex, dayOf(slot), '14:00', '22:00', 'L']], {
      replace: true,
    });

    expect(moved).toMatchObject({ added: 1, removed: 1, changedPeople: [DEMO_IDS.alex] });
    expect(moved.out).toContain('Removed 1 shift no longer in the file.');
    expect(moved.recheck).toMatchObject({ backToManager: 1, noLongerFit: 0 });
    expect(await stored(request)).toMatchObject({
      state: 'awaiting_manager',
      timeBasis: 'own_time',
      releaseHours: 0,
    });
    const rota = await workflow.services.rota.shiftsBetween(
      DEMO_IDS.alex,
      new Date(slot.start),
      new Date(Date.parse(slot.start) + 86_400_000),
    );
    expect(rota.filter((s) => s.source === 'file').map((s) => s.code)).toEqual(['L']);
    const [megan] = to(await messagesAbout(request), DEMO_IDS.megan);
    expect(megan).toMatchObject({ kind: 'approval_needed' });
    expect(megan!.note).toBe(
      "Alex Wilber's rota has changed. This visit was in work time (4 hours released, 4 hours of cover needed); " +
        'it is now in their own time. Please decide on the release again.',
    );
  });

  it('makes exactly one change when the host cancels as the import lands', async () => {
    const slot = slots[5]!;
    const request = await visit('confirmed', slot);
    const adele = await personOf(workflow.services, DEMO_IDS.adele);
    const [imported, cancelled] = await Promise.all([
      importRota('race', [[emails.alex, dayOf(slot), '08:00', '16:00', 'E']]),
      decideOnRequest(
        workflow.services,
        adele,
        request.visitorId,
        request.id,
        { action: 'cancel', reason: 'Ward closed' },
        workflow.services.clock(),
      ),
    ]);
    const after = await stored(request);
    const moves = after.history.slice(request.history.length);
    expect(moves).toHaveLength(1);
    if (cancelled.ok) {
      expect(after.state).toBe('cancelled');
      expect(imported.recheck.backToManager).toBe(0);
    } else {
      expect(after.state).toBe('awaiting_manager');
      expect(imported.recheck.backToManager).toBe(1);
    }
    const rotaMessages = (await messagesAbout(request)).filter((m) => m.id.includes(':rota-'));
    expect(rotaMessages.length > 0).toBe(!cancelled.ok);
  });
});
