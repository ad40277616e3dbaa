import { decideOnRequest, type Decision } from '../../src/app/decideOnRequest';
import { SEND_SETTLE_MS, stoppedSendsChecked } from '../../src/app/fileStoppedSends';
import { notificationId, type NotificationKind } from '../../src/app/notifications';
import { queueDueWork } from '../../src/app/scheduledWork';
import { createServices, type Services } from '../../src/app/services';
import { createLogger } from '../../src/logging/logger';
import { DEMO_IDS } from '../../src/demo/demoIds';
import type { ShadowingRequest } from '../../src/domain/requests';
import type { ShiftKind } from '../../src/domain/rota';
import { toLondonDate } from '../../src/domain/time/londonTime';
import type { ContainerName } from '../../src/store/containers';
import type { Doc, DocumentStore, WriteOptions } from '../../src/store/documentStore';
import { failFollowUpWrites } from './heldWrites';
import { fileWithPlaceHeld, requestInState } from './requestInState';
import { DEMO_TODAY, personOf, type Workflow } from './workflowFixtures';

export type Slot = { start: string; end: string };

/** The same store, noting every write (container and document id), whatever it is, and every point read. */
function recordingWrites(store: DocumentStore, written: string[], read: string[] = []): DocumentStore {
  const note = (c: ContainerName, doc: Doc) => written.push(`${c}/${doc.id}`);
  return Object.create(store, {
    read: {
      value: (c: ContainerName, id: string, pk: string) => (read.push(`${c}/${id}`), store.read(c, id, pk)),
    },
    create: { value: (c: ContainerName, doc: Doc) => (note(c, doc), store.create(c, doc)) },
    upsert: { value: (c: ContainerName, doc: Doc) => (note(c, doc), store.upsert(c, doc)) },
    replace: {
      value: (c: ContainerName, doc: Doc, options?: WriteOptions) => (
        note(c, doc),
        store.replace(c, doc, options)
      ),
    },
    delete: {
      value: (c: ContainerName, id: string, pk: string) => (
        written.push(`${c}/${id}`),
        store.delete(c, id, pk)
      ),
    },
  }) as DocumentStore;
}

/**
 * What the tests of moves that stopped half way share, over the workflow `current()` returns (seeded
 * in a beforeAll): requests filed in a state, moves made on a store whose writes after the request
 * fail, scheduler runs that note their writes, and the check that a stopped move is filed once.
 */
export function stoppedMoves(current: () => Workflow) {
  let clockAt = DEMO_TODAY.getTime();
  /** A clock of its own for each case, an hour on from the last, so no case's minute overlaps another's. */
  const nextHour = () => {
    clockAt += 3_600_000;
    current().setNow(new Date(clockAt));
    return new Date(clockAt);
  };

  /** Alex's request in `state` at `slot`, its place held and everything its last move files written. */
  async function filed(state: ShadowingRequest['state'], slot: Slot, extra: Partial<ShadowingRequest> = {}) {
    const { services } = current();
    const request = { ...requestInState(state, slot, slot, services.clock()), ...extra };
    await fileWithPlaceHeld(services, request);
    return request;
  }

  const failing = (requestId?: string): Services =>
    createServices(
      failFollowUpWrites(current().store, requestId),
      current().services.clock,
      undefined,
      undefined,
      {
        logger: createLogger('silent'),
      },
    );

  /**
   * A decision whose writes after the request fail: it is answered once the request is written,
   * and what follows it fails after the answer (or before it, for a move the scan would read as
   * another, which is not answered).
   */
  async function decideThenStop(request: ShadowingRequest, by: string, decision: Decision) {
    const { services } = current();
    const who = await personOf(services, by);
    const decided = decideOnRequest(
      failing(),
      who,
      request.visitorId,
      request.id,
      decision,
      services.clock(),
    );
    await expect(
      decided.then((answer) => (answer.ok ? answer.followUp : Promise.reject(new Error(answer.refusal)))),
    ).rejects.toThrow('store gone');
  }

  const stored = async (request: ShadowingRequest) =>
    (await current().services.requests.find(request.visitorId, request.id))!.request;
  const messageIds = async (request: ShadowingRequest) => {
    const all = await Promise.all(
      [DEMO_IDS.alex, DEMO_IDS.megan, DEMO_IDS.adele, DEMO_IDS.miriam].map((id) =>
        current().services.outbox.listForPerson(id),
      ),
    );
    return all
      .flat()
      .filter((n) => n.requestId === request.id)
      .map((n) => n.id)
      .sort();
  };
  const pointers = async (request: ShadowingRequest) =>
    Promise.all([
      current().services.tasks.find(DEMO_IDS.megan, 'manager', request.id),
      current().services.tasks.find(DEMO_IDS.adele, 'host', request.id),
    ]);
  const isHeld = (request: ShadowingRequest) =>
    current().services.holds.isHeld(DEMO_IDS.adele, request.offerId!, request.id, request.start!);
  const id = (kind: NotificationKind, request: ShadowingRequest, personId: string, step: string) =>
    notificationId(kind, request.id, personId, step);
  const noteOf = async (personId: string, messageId: string) =>
    (await current().services.outbox.listForPerson(personId)).find((n) => n.id === messageId)?.note;

  /** One scheduler run at `at`, on a store noting its writes; the writes concerning this request. */
  async function sweep(
    at: Date,
    request: ShadowingRequest,
    checked = stoppedSendsChecked(() => at.getTime()),
    read: string[] = [],
  ) {
    const written: string[] = [];
    const store = recordingWrites(current().store, written, read);
    current().setNow(at);
    await queueDueWork(store, createServices(store, current().services.clock), at, checked);
    return written.filter((w) => w.includes(request.id) || w.endsWith(`ledger:${request.offerId}`));
  }

  /**
   * The stopped move's request, before the minute is up (nothing filed), when it is up (exactly
   * `owed` filed), and again on the same instance and on a fresh one (nothing written).
   */
  async function expectFiledOnce(request: ShadowingRequest, movedAt: Date, owed: string[]) {
    const before = await messageIds(request);
    expect(await sweep(new Date(movedAt.getTime() + SEND_SETTLE_MS - 1), request)).toEqual([]);
    expect(await messageIds(request)).toEqual(before);

    const at = new Date(movedAt.getTime() + SEND_SETTLE_MS);
    const checked = stoppedSendsChecked(() => at.getTime());
    await sweep(at, request, checked);
    expect(await messageIds(request)).toEqual([...before, ...owed].sort());
    const now = await stored(request);
    const [manager, host] = await pointers(request);
    expect(manager).toMatchObject({ state: now.state, start: now.start });
    expect(host).toMatchObject({ state: now.state, start: now.start });

    expect(await sweep(new Date(at.getTime() + SEND_SETTLE_MS), request, checked)).toEqual([]);
    expect(await sweep(new Date(at.getTime() + SEND_SETTLE_MS), request)).toEqual([]);
    expect(await messageIds(request)).toEqual([...before, ...owed].sort());
  }

  /** A rota entry for `personId` from an hour before `slot` to three hours after it. */
  async function rostered(personId: string, slot: Slot, kind: ShiftKind = 'duty', code = 'E') {
    const { services } = current();
    const month = toLondonDate(Date.parse(slot.start)).slice(0, 7);
    const rota = (await services.rota.readMonth(personId, month))?.rota ?? { personId, month, shifts: [] };
    const shift = {
      start: new Date(Date.parse(slot.start) - 3_600_000).toISOString(),
      end: new Date(Date.parse(slot.end) + 3 * 3_600_000).toISOString(),
      kind,
      code,
    };
    await services.rota.writeMonth({ ...rota, shifts: [...rota.shifts, shift] });
  }

  return {
    nextHour,
    filed,
    failing,
    decideThenStop,
    stored,
    messageIds,
    pointers,
    isHeld,
    id,
    noteOf,
    sweep,
    expectFiledOnce,
    rostered,
  };
}
