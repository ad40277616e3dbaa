import type { CoverMethod } from '../domain/cover/coverMethods';
import { chooseCover } from '../domain/cover/coverTransitions';
import type { DeclineCategory } from '../domain/cover/declineCategories';
import type { ShadowingRequest } from '../domain/requests';
import { checkFreeText } from '../domain/text/checkFreeText';
import type { Actor } from '../domain/workflow/transitions';
import { describeRelease } from './describeRelease';
import { findRotaCoordinator } from './findRotaCoordinator';
import type { Services } from './services';

export type Shaped =
  | {
      ok: true;
      request: ShadowingRequest;
      /** The coordinator who was handed the cover, to be sent the cover card. */
      coordinatorId?: string;
      /** A rota coordinator was wanted, but none is known: the manager arranges cover. */
      noCoordinator?: true;
    }
  | { ok: false; refusal: string; canTryAgain?: true };

export interface CoverAnswers {
  coverMethod?: CoverMethod;
  coverNote?: string;
  declineCategory?: DeclineCategory;
}

const MAX_COVER_NOTE = 300;

/**
 * Adds to an allowed move what the manager chose with it: how cover is arranged (needed to approve
 * a release that needs cover), the cover note, the reason category of a decline. A missing or
 * refused answer changes nothing, and the card is shown again saying what is missing.
 */
export async function shapeDecision(
  services: Services,
  moved: ShadowingRequest,
  action: string,
  answers: CoverAnswers,
  actor: Actor,
  now: Date,
): Promise<Shaped> {
  if (action === 'decline_release')
    return answers.declineCategory
      ? { ok: true, request: { ...moved, declineCategory: answers.declineCategory } }
      : {
          ok: false,
          refusal: 'Please choose the main reason for declining. Nothing has been changed.',
          canTryAgain: true,
        };
  if (action === 'cancel_for_cover')
    return isCoverFailedUndecided(moved)
      ? { ok: true, request: moved }
      : {
          ok: false,
          refusal:
            'Cover is not marked as impossible, so the visit stays as it is. Nothing has been changed.',
        };
  if (action !== 'approve') return { ok: true, request: moved };
  return approveWithCover(services, moved, answers, actor, now);
}

function isCoverFailedUndecided(request: ShadowingRequest): boolean {
  return request.cover === 'failed' && !request.releasedWithoutCover;
}

async function approveWithCover(
  services: Services,
  moved: ShadowingRequest,
  answers: CoverAnswers,
  actor: Actor,
  now: Date,
): Promise<Shaped> {
  const visitor = await services.people.findById(moved.visitorId);
  if (!visitor || !moved.start || !moved.end) return { ok: true, request: moved };
  const release = await describeRelease(services, visitor, { start: moved.start, end: moved.end });
  const needsCover = release.coverHours > 0;
  if (needsCover && !answers.coverMethod)
    return {
      ok: false,
      canTryAgain: true,
      refusal:
        'Please choose how the shift will be covered, then press Approve release again. Nothing has been changed.',
    };
  const note =
    answers.coverNote === undefined ? { ok: true as const, value: undefined } : checkNote(answers.coverNote);
  if (!note.ok) return { ok: false, refusal: note.problem, canTryAgain: true };
  const method = needsCover ? answers.coverMethod : undefined;
  const coordinator =
    method === 'rota_coordinator' ? await findRotaCoordinator(services, visitor) : undefined;
  const handedOver = coordinator && coordinator.id !== actor.id ? coordinator.id : undefined;
  const chosen = chooseCover(moved, {
    release,
    ...(release.estimate ? { estimate: release.estimate } : {}),
    ...(method ? { method } : {}),
    arrangerId: handedOver ?? actor.id,
    by: actor.id,
    at: now,
  });
  return {
    ok: true,
    request: note.value ? { ...chosen, coverNotes: note.value } : chosen,
    ...(handedOver ? { coordinatorId: handedOver } : {}),
    ...(method === 'rota_coordinator' && !coordinator ? { noCoordinator: true as const } : {}),
  };
}

function checkNote(text: string): { ok: true; value?: string } | { ok: false; problem: string } {
  const checked = checkFreeText(text, { label: 'your note about cover', min: 0, max: MAX_COVER_NOTE });
  if (!checked.ok) return { ok: false, problem: `${checked.problem} Nothing has been changed.` };
  return checked.value ? { ok: true, value: checked.value } : { ok: true };
}
