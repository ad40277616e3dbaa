import { isHandedOnByService } from '../domain/cover/coverArranger';
import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../domain/requests';
import type { Action } from '../domain/workflow/transitions';

/** Moves that call the visit off, after which cover someone is arranging is not needed. */
const CALLED_OFF: ReadonlySet<Action> = new Set([
  'cancel',
  'reject_time',
  'decline_visit',
  'expire',
  'withdraw',
]);

export const COVER_NOT_NEEDED =
  'The visit has been called off, so this cover is no longer needed. If you have booked someone, you can stand them down.';
/** To whoever holds the cover after the one who arranged it was erased: they may not know who was booked. */
export const ARRANGED_COVER_NOT_NEEDED =
  'The visit has been called off, so the cover arranged for it is no longer needed. The person who arranged it is ' +
  'no longer on the shadowing service, so please check the rota and stand down whoever was booked to cover.';
/** To whoever took the cover on from someone erased, or holds it because they were erased before arranging it. */
export const TAKEN_ON_COVER_NOT_NEEDED =
  'The visit has been called off, so this cover is no longer needed. If anyone was booked to cover, please check ' +
  'the rota and stand them down.';

/** Who is told to stand cover down, and in what words; `leads` when it is the programme leads. */
export type StandDown = { personId: string; note: string } | { leads: true; note: string };

/**
 * Whom a move that calls the visit off tells to stand down the cover being arranged, or arranged,
 * for it, so nobody covers a shift for a visit that is not happening: whoever is arranging it (the
 * rota coordinator, or the manager unless the move's own message tells her, `managerTold`). When
 * whoever was arranging it was erased, whoever holds that duty now: the manager, or with none on
 * the service, the programme leads; never the erased person, and in words that name nobody.
 */
export function coverToStandDown(
  request: ShadowingRequest,
  action: Action,
  managerTold: boolean,
): StandDown | undefined {
  if (!CALLED_OFF.has(action) || (request.cover !== 'pending' && request.cover !== 'arranged'))
    return undefined;
  const arranger = request.coverArrangerId;
  const takenOn = (request.coverHistory ?? []).some(isHandedOnByService);
  if (arranger && !isErasedStandIn(arranger)) {
    if (arranger !== request.managerId) return { personId: arranger, note: COVER_NOT_NEEDED };
    // The manager took it on from someone erased: the move's own message to her says nothing of cover.
    if (takenOn) return { personId: arranger, note: TAKEN_ON_COVER_NOT_NEEDED };
    return managerTold ? undefined : { personId: arranger, note: COVER_NOT_NEEDED };
  }
  // Nobody arranges it (covered within the team), unless the one who did was erased.
  if (!arranger && !takenOn) return undefined;
  const note =
    arranger && request.cover === 'arranged' ? ARRANGED_COVER_NOT_NEEDED : TAKEN_ON_COVER_NOT_NEEDED;
  const manager = request.managerId && !isErasedStandIn(request.managerId) ? request.managerId : undefined;
  return manager ? { personId: manager, note } : { leads: true, note };
}
