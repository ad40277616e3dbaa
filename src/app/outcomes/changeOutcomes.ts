import type { Person } from '../../domain/people';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Actor } from '../../domain/workflow/transitions';
import { VersionConflictError } from '../../store/documentStore';
import type { Notification } from '../notifications';
import type { Services } from '../services';

export type OutcomeRefusal =
  'not_found' | 'not_party' | 'too_early' | 'not_happened' | 'already_recorded' | 'invalid' | 'busy';

export type OutcomeResult =
  | { ok: true; request: RequestWithOutcomes; queued: Notification[]; already?: true }
  | { ok: false; reason: OutcomeRefusal; refusal: string; request?: RequestWithOutcomes };

/** What a change decides about the request as it is now: a new version, no write needed, or a refusal. */
export type Change =
  | { ok: true; request: RequestWithOutcomes }
  | { ok: true; already: true }
  | { ok: false; reason: OutcomeRefusal; refusal: string };

const MAX_ATTEMPTS = 4;

export function refuse(reason: OutcomeRefusal, refusal: string): Change {
  return { ok: false, reason, refusal };
}

export function actorOf(person: Person): Actor {
  return { id: person.id, isProgrammeLead: person.roles.includes('programme_lead') };
}

/**
 * Reads the request, lets `change` decide on the latest version, and writes it only if nobody
 * changed it meanwhile; on a clash it reads again and decides again, so the host's and the
 * visitor's forms arriving together are both kept and a retried form is seen as already there.
 */
export async function changeOutcomes(
  services: Services,
  visitorId: string,
  requestId: string,
  change: (request: RequestWithOutcomes) => Change,
): Promise<
  | { ok: true; before: RequestWithOutcomes; request: RequestWithOutcomes; already?: true }
  | Extract<OutcomeResult, { ok: false }>
> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const found = await services.requests.find(visitorId, requestId);
    if (!found)
      return {
        ok: false,
        reason: 'not_found',
        refusal: 'I could not find that visit. It may have been removed.',
      };
    const before = found.request as RequestWithOutcomes;
    const decided = change(before);
    if (!decided.ok) return { ...decided, request: before };
    if ('already' in decided) return { ok: true, before, request: before, already: true };
    try {
      await services.requests.replace(decided.request, found.etag);
      return { ok: true, before, request: decided.request };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  return {
    ok: false,
    reason: 'busy',
    refusal: 'Several people are changing this visit at once. Please try again in a moment.',
  };
}
