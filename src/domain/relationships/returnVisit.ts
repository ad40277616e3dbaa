import type { HostOffer } from '../offers';
import type { Person } from '../people';
import { newDraft, type RequestDraft } from '../requestDialog/draft';
import type { ShadowingRequest } from '../requests';
import { formatLondonDate } from '../time/londonTime';
import { sameDepartment } from './pastExchanges';

export type ReturnVisitCheck = { ok: true; department: string } | { ok: false; refusal: string };

/**
 * Whether `host` may ask for a return visit after `request`: only its host, only once the visit
 * has happened, and only to another team that is still in the directory.
 */
export function checkReturnVisit(
  request: ShadowingRequest,
  host: Person,
  visitor: Person | undefined,
): ReturnVisitCheck {
  if (request.hostId !== host.id)
    return {
      ok: false,
      refusal: 'Only the host of this visit can ask for a return visit. Nothing has changed.',
    };
  if (request.state !== 'completed')
    return {
      ok: false,
      refusal: 'A return visit can be arranged once the visit has happened. Nothing has changed.',
    };
  if (!visitor)
    return {
      ok: false,
      refusal:
        'I can no longer find your visitor in the staff directory, so I cannot tell which team to visit.',
    };
  if (sameDepartment(visitor.department, host.department))
    return {
      ok: false,
      refusal: `Your visitor works in your own department (${visitor.department}), so there is no other team to visit in return.`,
    };
  return { ok: true, department: visitor.department };
}

/** The offers of the visitor's team that the host may take up: active, not their own, open to them. */
export function teamOffersFor(offers: readonly HostOffer[], department: string, host: Person): HostOffer[] {
  return offers.filter(
    (offer) =>
      offer.status === 'active' &&
      offer.hostId !== host.id &&
      sameDepartment(offer.department, department) &&
      (offer.openTo.length === 0 || offer.openTo.includes(host.profession)),
  );
}

/**
 * A request to visit the visitor's team, filled in: whom (the team), why and what to learn. The
 * host only picks a time, and may change anything first.
 */
export function returnVisitDraft(request: ShadowingRequest, department: string, now: Date): RequestDraft {
  const visited = request.start ? ` on ${formatLondonDate(Date.parse(request.start))}` : '';
  return {
    ...newDraft(now),
    what: department,
    purpose: `A return visit: a colleague from ${department} shadowed our team${visited}, and I would like to see how their team works in turn.`,
    objectives: [
      `See how ${department} works day to day`,
      'Find ways our two teams can work better together',
    ],
    returnTo: { department, requestId: request.id },
  };
}
