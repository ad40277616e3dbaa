import type { ShadowingRequest } from '../domain/requests';
import type { Action, Actor } from '../domain/workflow/transitions';
import { isFiledByScan } from './fileStoppedTransitions';
import { tellLeadsWithCards } from './leadsWithCards';
import type { Notification } from './notifications';
import { coordinatorCoverCard, notifyParties } from './notifyParties';
import { releasePlace } from './releasePlace';
import type { Services } from './services';
import { writeTasks } from './writeTasks';

/** How what follows a decision is delivered, and when it may start. */
export interface FollowUpOptions {
  /** Hands what the decision queued to the sender; services.notify without it. */
  deliver?: (queued: Notification[]) => void;
  /** When what follows the decision may start: once the answer has gone (at once without it). */
  answered?: Promise<void>;
}

/**
 * What follows a decision once its request is written: pointers, the place, messages, the rota
 * coordinator's card and the programme leads' cards. The decision is answered once its record is
 * written, and these are filed after the answer (see AfterAnswer), or by the scheduler's scan if
 * this process stops or the store fails first. The scan files neither the leads' cards nor a move
 * it would read as another, so those are written before the answer (`beforeAnswer`); the leads
 * are looked for only when one may hold a card about the request.
 */
export function fileAfterAnswer(
  services: Services,
  move: {
    before: ShadowingRequest;
    after: ShadowingRequest;
    action: Action;
    actor: Actor;
    now: Date;
    coordinatorId: string | undefined;
    options: FollowUpOptions;
  },
): { followUp: Promise<Notification[]>; beforeAnswer: Promise<unknown> } {
  const { before, after, action, actor, now, coordinatorId, options } = move;
  const toLeads = tellLeadsWithCards(services, before, after, action, actor, now);
  const filedByScan = isFiledByScan(after, action);
  const followUp = services.afterAnswer.run(
    async () => {
      const [queued, toCoordinator, told] = await Promise.all([
        carryThrough(services, after, action, actor.id, now),
        coordinatorId ? askCoordinator(services, after, coordinatorId, now) : [],
        toLeads,
      ]);
      return [...queued, ...toCoordinator, ...told];
    },
    {
      requestId: after.id,
      job: 'file a decision',
      ...(options.deliver ? { deliver: options.deliver } : {}),
      ...(options.answered && filedByScan ? { after: options.answered } : {}),
    },
  );
  return { followUp, beforeAnswer: filedByScan ? toLeads : followUp };
}

/** Hands cover to the department's rota coordinator: a card with the shift, the hours and the date. */
async function askCoordinator(
  services: Services,
  request: ShadowingRequest,
  coordinatorId: string,
  now: Date,
): Promise<Notification[]> {
  const notification = coordinatorCoverCard(request, coordinatorId, now);
  return (await services.outbox.enqueue(notification)) ? [notification] : [];
}

/**
 * What follows a decision: pointers, places and messages, written side by side once the decision
 * itself is saved. Each is idempotent and none depends on another, so a run cut short anywhere
 * is completed by running it again (a repeated click does).
 */
export async function carryThrough(
  services: Services,
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
): Promise<Notification[]> {
  const [, , queued] = await Promise.all([
    writeTasks(services.tasks, request),
    releasePlace(services.holds, request),
    notifyParties(services.outbox, request, action, actorId, now),
  ]);
  return queued;
}
