import type { ShadowingRequest } from '../domain/requests';
import type { RotaRecheck } from '../domain/workflow/rotaRecheck';
import { coverHandedOver } from '../domain/workflow/applyRotaRecheck';
import { hostHasBeenTold } from '../domain/workflow/viewers';
import type { Notification, NotificationKind } from './notifications';
import { newNotification } from './notifyParties';
import { listProgrammeLeads } from './programmeLeads';
import { clashClearedNote, clashNotes, releaseChangedNotes, type RecheckNames } from './rotaRecheckNotes';
import type { Services } from './services';

type Message = [personIds: ReadonlyArray<string | undefined>, kind: NotificationKind, note: string];

/** What the messages need of the request as it was before the re-check. */
export interface BeforeRecheck {
  state: ShadowingRequest['state'];
  /** Who was arranging cover, if not the manager (see coverHandedOver). */
  arrangerId?: string;
}

async function namesOf(services: Services, request: ShadowingRequest): Promise<RecheckNames> {
  const [visitor, manager, host] = await Promise.all(
    [request.visitorId, request.managerId, request.hostId].map((id) =>
      id ? services.people.findById(id) : Promise.resolve(undefined),
    ),
  );
  return {
    visitor: visitor?.name ?? 'The visitor',
    manager: manager?.name ?? 'The programme lead',
    host: host?.name ?? 'The host',
  };
}

/** Who decides on the release: the manager, else (no manager in the directory) the programme leads. */
async function decidersOf(services: Services, request: ShadowingRequest): Promise<string[]> {
  if (request.managerId) return [request.managerId];
  const leads = await listProgrammeLeads(services);
  return leads.map((lead) => lead.id).filter((id) => id !== request.visitorId);
}

function messagesFor(
  before: BeforeRecheck,
  after: ShadowingRequest,
  recheck: RotaRecheck,
  names: RecheckNames,
  deciders: readonly string[],
): Message[] {
  const host = hostHasBeenTold(after) ? after.hostId : undefined;
  switch (recheck.outcome) {
    case 'unchanged':
      return [];
    case 'release_changed': {
      const notes = releaseChangedNotes(before.state, recheck.before, recheck.after, names);
      return [
        [deciders, 'approval_needed', notes.manager],
        [[after.visitorId], 'request_update', notes.visitor],
        [[before.state === 'awaiting_manager' ? undefined : host], 'request_update', notes.host],
        [[before.arrangerId], 'cover_needed', notes.arranger],
      ];
    }
    case 'clash': {
      const notes = clashNotes(after, recheck.clashes, names);
      return [
        after.state === 'awaiting_manager'
          ? [deciders, 'approval_needed', notes.manager]
          : [[after.managerId], 'request_update', notes.manager],
        [[after.visitorId], 'request_update', notes.visitor],
        [[host], 'request_update', notes.host],
      ];
    }
    case 'clash_cleared':
      return [[[after.managerId, after.visitorId, host], 'request_update', clashClearedNote()]];
  }
}

/**
 * Queues what a rota re-check owes each person. The ids name the write that caused them, so
 * queueing again after a retry adds nothing. Returns the messages newly queued.
 */
export async function notifyRotaRecheck(
  services: Services,
  before: ShadowingRequest,
  after: ShadowingRequest,
  recheck: RotaRecheck,
  now: Date,
): Promise<Notification[]> {
  const owed = await owedByRotaRecheck(
    services,
    { state: before.state, arrangerId: coverHandedOver(before) },
    after,
    recheck,
    now,
  );
  const fresh = await Promise.all(owed.map((notification) => services.outbox.enqueue(notification)));
  return owed.filter((_, i) => fresh[i]);
}

/** The messages a rota re-check owes, as queued, keyed to the write (`rota-` and its time). */
export async function owedByRotaRecheck(
  services: Services,
  before: BeforeRecheck,
  after: ShadowingRequest,
  recheck: RotaRecheck,
  now: Date,
): Promise<Notification[]> {
  if (recheck.outcome === 'unchanged') return [];
  const [names, deciders] = await Promise.all([namesOf(services, after), decidersOf(services, after)]);
  const messages = messagesFor(before, after, recheck, names, deciders);
  const step = `rota-${after.updatedAt}`;
  return messages.flatMap(([personIds, kind, note]) =>
    personIds.flatMap((personId) =>
      personId ? [newNotification(kind, after, personId, step, now, note)] : [],
    ),
  );
}
