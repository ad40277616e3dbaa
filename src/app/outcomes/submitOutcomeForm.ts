import { readHostOutcome, readVisitorOutcome, type FormInput } from '../../domain/outcomes/readOutcomeForms';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Person } from '../../domain/people';
import { applyTransition } from '../../domain/workflow/transitions';
import { withTtl } from '../dataRights/retention';
import { writeTasks } from '../writeTasks';
import { actorOf, changeOutcomes, refuse, type Change, type OutcomeResult } from './changeOutcomes';
import { logIfReady } from './logExchange';
import type { OutcomeServices } from './outcomeServices';

export type FormKind = 'visitor' | 'host';

/**
 * The visitor's or the host's feedback after a visit. Only that person may send it, only once,
 * only for a visit that has started and was not a no-show or cancelled; sending it for a
 * confirmed visit also records that the visit happened. Free text with patient data is refused.
 */
export async function submitOutcomeForm(
  services: OutcomeServices,
  kind: FormKind,
  actor: Person,
  visitorId: string,
  requestId: string,
  input: FormInput,
  now: Date,
): Promise<OutcomeResult> {
  const changed = await changeOutcomes(services, visitorId, requestId, (request) =>
    decideForm(request, kind, actor, input, now, services.retention?.personalDays),
  );
  if (!changed.ok) return changed;
  if (changed.before.state !== changed.request.state) await writeTasks(services.tasks, changed.request);
  await logIfReady(services, changed.request, now);
  return { ok: true, request: changed.request, queued: [] };
}

export function decideForm(
  request: RequestWithOutcomes,
  kind: FormKind,
  actor: Person,
  input: FormInput,
  now: Date,
  keepDays?: number,
): Change {
  const party = kind === 'visitor' ? request.visitorId : request.hostId;
  if (actor.id !== party)
    return refuse(
      'not_party',
      `Only the ${kind} of this visit can send this feedback. Nothing has been recorded.`,
    );
  if (request.outcomes?.[kind])
    return refuse(
      'already_recorded',
      'You have already sent your feedback for this visit, so I have kept the first one. Nothing new has been recorded.',
    );
  const started = request.start !== undefined && now >= new Date(request.start);
  if (request.state === 'confirmed' && !started)
    return refuse(
      'too_early',
      'This visit has not happened yet. I will ask for your feedback after it. Nothing has been recorded.',
    );
  if (request.state !== 'confirmed' && request.state !== 'completed') {
    return refuse(
      'not_happened',
      'This visit did not take place, so there is no feedback to give. Nothing has been recorded.',
    );
  }
  const read =
    kind === 'visitor'
      ? readVisitorOutcome(input, request.objectives.length, now)
      : readHostOutcome(input, now);
  if (!read.ok)
    return refuse(
      'invalid',
      `Please check your answers; nothing has been recorded yet.\n- ${read.problems.join('\n- ')}`,
    );
  let base = request;
  if (request.state === 'confirmed') {
    const moved = applyTransition(request, 'complete', actorOf(actor), now);
    if (!moved.ok) return refuse('not_party', moved.refusal);
    base = {
      ...moved.request,
      outcomes: { ...request.outcomes, checkIn: { answer: 'yes', by: actor.id, at: now.toISOString() } },
    };
  }
  return {
    ok: true,
    request: withTtl({ ...base, outcomes: { ...base.outcomes, [kind]: read.value } }, keepDays),
  };
}
