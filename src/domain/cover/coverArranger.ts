import type { CoverChange, ShadowingRequest } from '../requests';

/** Who, by their part in the request, arranges cover or decides what follows when it fails. */
export type CoverRole = 'rota_coordinator' | 'manager' | 'programme_lead';

/**
 * The service handing cover on because whoever was arranging it had their data erased: to the
 * manager (who then arranges it), or with none, to the programme leads (the request then records
 * no arranger). Told by its shape, as an erased visitor's request keeps no reasons.
 */
export function isHandedOnByService(change: CoverChange): boolean {
  return change.from === 'pending' && change.to === 'pending' && change.by === 'system';
}

/**
 * Who arranged the cover, or found it could not be arranged, or is arranging it now, as the request
 * records it: the manager, the rota coordinator, or a programme lead. Not the way of covering first
 * chosen: cover handed to a coordinator may have been arranged by the manager after all. Undefined
 * when nobody arranges it (no cover needed, or covered within the team).
 */
export function coverArrangedBy(request: ShadowingRequest): CoverRole | undefined {
  const { coverHistory = [] } = request;
  const arrangerId = coverArrangerIdOf(request);
  if (arrangerId) return roleOf(request, arrangerId);
  if (coverHistory.some(isHandedOnByService)) return 'programme_lead';
  if (request.coverMethod === 'rota_coordinator') return 'rota_coordinator';
  return request.coverMethod === 'bank_or_locum' ? 'manager' : undefined;
}

/**
 * The id of whoever arranged the cover or found it could not be arranged (the latest such
 * decision), else of whoever is arranging it now. Undefined when the request records nobody.
 */
export function coverArrangerIdOf(request: ShadowingRequest): string | undefined {
  const { cover, coverHistory = [] } = request;
  if (cover === 'arranged' || cover === 'failed') {
    const decided = [...coverHistory].reverse().find((c) => c.from === 'pending' && c.to === cover);
    if (decided) return decided.by;
  }
  return request.coverArrangerId;
}

/** Who released the visitor without cover once it could not be arranged: the manager or a programme lead. */
export function releasedWithoutCoverBy(request: ShadowingRequest): CoverRole | undefined {
  if (!request.releasedWithoutCover) return undefined;
  const releasedBy = releasedWithoutCoverById(request);
  return releasedBy && releasedBy !== request.managerId ? 'programme_lead' : 'manager';
}

/** The id of whoever released the visitor without cover, when the request records it. */
export function releasedWithoutCoverById(request: ShadowingRequest): string | undefined {
  if (!request.releasedWithoutCover) return undefined;
  return [...(request.coverHistory ?? [])].reverse().find((c) => c.from === 'failed' && c.to === 'failed')
    ?.by;
}

/**
 * A cover decision is allowed only to whoever arranges cover, the manager or a programme lead, so
 * anyone else who made one was a lead. An erased arranger's id was replaced by the same stand-in
 * in the request, so they are still told apart from the manager.
 */
function roleOf(request: ShadowingRequest, personId: string): CoverRole {
  if (personId === request.managerId) return 'manager';
  return personId === request.coverArrangerId ? 'rota_coordinator' : 'programme_lead';
}
