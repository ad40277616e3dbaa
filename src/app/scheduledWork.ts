import { randomUUID } from 'node:crypto';
import type { ShadowingRequest } from '../domain/requests';
import { dueActions, type DueAction } from '../domain/workflow/dueReminders';
import { OPEN_STATES } from '../domain/workflow/transitions';
import { REQUEST_STATES } from '../domain/requests';
import type { DocumentStore } from '../store/documentStore';
import { stoppedSendsChecked } from './fileStoppedSends';
import { FILING_WINDOW_MS, fileStoppedTransition } from './fileStoppedTransitions';
import { claimJobLease, updateHeldJob, type LeasedJob } from './jobLease';
import { COVER_ASKING_STEPS, type Notification, type NotificationKind } from './notifications';
import { newNotification } from './notifyParties';
import { queueCheckIns } from './outcomes/queueCheckIns';
import { leadsHelpSentence, listProgrammeLeads } from './programmeLeads';
import type { Services } from './services';
import { EXPIRED_NOTE } from './transitionFilings';
import { settleErasedParty, withdrawalNote } from './dataRights/erasedParties';
import { systemMove } from './systemMove';
import { runContained } from './runContained';
import type { Logger } from '../logging/logger';
import { coverWaitingOn, dueCoverActions, type DueCoverAction } from '../domain/cover/dueCoverActions';

const LEASE_MS = 55_000;
export const INSTANCE_ID = randomUUID();

/**
 * Takes the scheduler's lease for this run. With several instances on one store only the holder
 * scans for reminders; the holder keeps it tick after tick, and it runs out by itself if the
 * holder dies.
 */
export async function takeLease(
  store: DocumentStore,
  now: Date,
  holder: string = INSTANCE_ID,
): Promise<boolean> {
  const held = await claimJobLease<LeasedJob>(store, {
    id: 'scheduler',
    kind: 'lease',
    holder,
    now,
    leaseMs: LEASE_MS,
    create: (lease) => ({ id: 'scheduler', kind: 'lease', ...lease }),
  });
  return held !== undefined;
}

/**
 * Gives the scheduler's lease up, if this instance holds it, so that another instance takes it on
 * its next tick instead of waiting for it to run out (on a clean shutdown).
 */
export async function releaseLease(store: DocumentStore, holder: string = INSTANCE_ID): Promise<boolean> {
  const found = await store.read<LeasedJob>('jobs', 'scheduler', 'lease');
  if (!found || found.doc.holder !== holder) return false;
  const released = await updateHeldJob(
    store,
    { job: found.doc, etag: found.etag },
    {
      leaseUntil: new Date(0).toISOString(),
    },
  );
  return released !== undefined;
}

/** The moves this process has found filed, each by its request and write (see fileStoppedTransition). */
const MOVES_FOUND_FILED = stoppedSendsChecked();

/** Closed states: a request in one is listed only while its closing move is recent. */
const CLOSED_STATES = REQUEST_STATES.filter((state) => state !== 'draft' && !OPEN_STATES.includes(state));

/**
 * Finds what every open request is owed now (reminders, escalations, expiries, day-before notes)
 * and queues it, and files what a move stopped part way left unwritten (its pointers, place and
 * messages; closed requests too while their closing move is within a day). Every message's id
 * comes from what caused it, so a run after a crash or downtime queues only what is still missing.
 * Each request's work, and each listing, is contained (see runContained): one that fails is
 * logged and left for the next tick, and the rest still runs.
 */
export async function queueDueWork(
  store: DocumentStore,
  services: Services,
  now: Date,
  movesFoundFiled = MOVES_FOUND_FILED,
  logger?: Logger,
): Promise<Notification[]> {
  const list = (job: string, states: readonly string[], since?: string) =>
    runContained(
      logger,
      job,
      {},
      () =>
        store.query<ShadowingRequest & { [f: string]: unknown }>('requests', {
          where: [
            { field: 'state', op: 'in', value: [...states] },
            ...(since ? [{ field: 'updatedAt', op: '>=' as const, value: since }] : []),
          ],
        }),
      [],
    );
  const [open, recentlyClosed] = await Promise.all([
    list('list open requests', OPEN_STATES),
    list(
      'list recently closed requests',
      CLOSED_STATES,
      new Date(now.getTime() - FILING_WINDOW_MS).toISOString(),
    ),
  ]);
  const queued: Notification[] = [];
  const each = async (job: string, request: ShadowingRequest, work: () => Promise<Notification[]>) =>
    queued.push(...(await runContained(logger, job, { requestId: request.id }, work, [])));
  for (const request of recentlyClosed)
    await each('file a stopped move', request, () =>
      fileStoppedTransition(services, request, now, movesFoundFiled),
    );
  for (const request of open) {
    await each(
      'settle an erased party',
      request,
      async () => (await settleErasedParty(services, request, now)) ?? [],
    );
    // A withdrawn request is owed nothing more (its own filing is checked once it is listed as
    // closed); one whose erased manager's release went to the leads is chased as one without a manager.
    if (withdrawalNote(request)) continue;
    await each('file a stopped move', request, () =>
      fileStoppedTransition(services, request, now, movesFoundFiled),
    );
    for (const action of dueActions(request, now, services.bankHolidays))
      await each(`due: ${action.kind}`, request, () => carryOut(services, request, action, now));
    for (const action of dueCoverActions(request, now, services.bankHolidays))
      await each(`due: ${action.kind}`, request, () => chaseCover(services, request, action, now));
  }
  queued.push(
    ...(await runContained(logger, 'check-ins', {}, () => queueCheckIns(store, services, now, logger), [])),
  );
  return queued;
}

const AWAITED: Partial<Record<ShadowingRequest['state'], 'managerId' | 'hostId' | 'visitorId'>> = {
  awaiting_manager: 'managerId',
  awaiting_host: 'hostId',
  host_proposed_time: 'visitorId',
};

async function carryOut(
  services: Services,
  request: ShadowingRequest,
  action: DueAction,
  now: Date,
): Promise<Notification[]> {
  if (action.kind === 'expire') return expire(services, request, now);
  if (action.kind === 'day_before') {
    return [
      ...(await enqueueAll(
        services,
        [request.visitorId, request.hostId],
        'visit_tomorrow',
        request,
        'day-before',
        now,
      )),
      ...(await coverStillOpen(services, request, now)),
    ];
  }
  const awaited = AWAITED[request.state];
  const personId = awaited ? request[awaited] : undefined;
  if (action.kind === 'remind')
    return enqueueAll(services, [personId], 'decision_reminder', request, `remind-${action.since}`, now);
  const leads = (await listProgrammeLeads(services)).map((lead) => lead.id);
  const note = 'This request has waited more than 5 working days for a decision.';
  return [
    ...(await enqueueAll(services, leads, 'escalation', request, `escalate-${action.since}`, now, note)),
    ...(await enqueueAll(
      services,
      [request.visitorId],
      'request_update',
      request,
      `escalate-${action.since}`,
      now,
      `Your request has waited more than 5 working days. ${leadsHelpSentence(leads.length)}`,
    )),
  ];
}

/** The day before, the manager hears if cover for the visitor's shift is still not settled. */
async function coverStillOpen(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const waitingOn = coverWaitingOn(request);
  if (!waitingOn) return [];
  const name = (await services.people.findById(request.visitorId))?.name ?? 'The visitor';
  const note =
    waitingOn === 'arranger'
      ? `${name}'s visit is tomorrow, and cover for their shift is still not arranged.`
      : `${name}'s visit is tomorrow. Cover could not be arranged: please release them without cover, or cancel.`;
  return enqueueAll(
    services,
    [request.managerId],
    waitingOn === 'arranger' ? 'request_update' : 'cover_failed',
    request,
    'day-before-cover',
    now,
    note,
  );
}

/**
 * Cover still waiting: whoever it waits on is reminded after 2 working days; after 5 the programme
 * leads are asked to help and the manager is told.
 */
async function chaseCover(
  services: Services,
  request: ShadowingRequest,
  action: DueCoverAction,
  now: Date,
): Promise<Notification[]> {
  const kind: NotificationKind = action.waitingOn === 'arranger' ? 'cover_needed' : 'cover_failed';
  if (action.kind === 'cover_remind') {
    const who = action.waitingOn === 'arranger' ? request.coverArrangerId : request.managerId;
    return enqueueAll(services, [who], kind, request, `cover-remind-${action.since}`, now);
  }
  const leads = (await listProgrammeLeads(services))
    .map((lead) => lead.id)
    .filter((id) => id !== request.visitorId);
  const waiting =
    action.waitingOn === 'arranger'
      ? 'Cover for this visit has waited more than 5 working days to be arranged.'
      : 'Cover for this visit could not be arranged, and the manager has not decided for more than 5 working days.';
  return [
    ...(await enqueueAll(
      services,
      leads,
      kind,
      request,
      `${COVER_ASKING_STEPS.escalated}${action.since}`,
      now,
      waiting,
    )),
    ...(action.waitingOn === 'arranger'
      ? await enqueueAll(
          services,
          [request.managerId],
          'request_update',
          request,
          `${COVER_ASKING_STEPS.escalated}${action.since}`,
          now,
          `${waiting} ${leadsHelpSentence(leads.length)}`,
        )
      : []),
  ];
}

async function enqueueAll(
  services: Services,
  people: Array<string | undefined>,
  kind: NotificationKind,
  request: ShadowingRequest,
  step: string,
  now: Date,
  note?: string,
): Promise<Notification[]> {
  const queued: Notification[] = [];
  for (const personId of new Set(people)) {
    if (!personId) continue;
    const notification = newNotification(kind, request, personId, step, now, note);
    if (await services.outbox.enqueue(notification)) queued.push(notification);
  }
  return queued;
}

function expire(services: Services, request: ShadowingRequest, now: Date): Promise<Notification[]> {
  const reason = 'The date passed before everyone had answered.';
  return systemMove(services, request, 'expire', { reason, note: EXPIRED_NOTE }, now);
}
