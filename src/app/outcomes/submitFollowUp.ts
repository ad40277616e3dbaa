import { followUpOpen } from '../../domain/outcomes/dueCheckIns';
import { readFollowUpAnswer, type FormInput } from '../../domain/outcomes/readOutcomeForms';
import type { Person } from '../../domain/people';
import { withTtl } from '../dataRights/retention';
import { changeOutcomes, refuse, type OutcomeResult } from './changeOutcomes';
import { logExchange } from './logExchange';
import type { OutcomeServices } from './outcomeServices';

/** The three-month answer: the visitor's only, once, and then added to the exchange log. */
export async function submitFollowUp(
  services: OutcomeServices,
  actor: Person,
  visitorId: string,
  requestId: string,
  input: FormInput,
  now: Date,
): Promise<OutcomeResult> {
  const changed = await changeOutcomes(services, visitorId, requestId, (request) => {
    if (actor.id !== request.visitorId)
      return refuse('not_party', 'Only the visitor can answer this question. Nothing has been recorded.');
    if (request.outcomes?.followUp)
      return refuse('already_recorded', 'You have already answered this, so I have kept your first answer.');
    if (request.state !== 'completed')
      return refuse(
        'not_happened',
        'This visit did not take place, so there is nothing to follow up. Nothing has been recorded.',
      );
    if (!followUpOpen(request, now))
      return refuse(
        'too_early',
        'I will ask you this about three months after the visit. Nothing has been recorded.',
      );
    const read = readFollowUpAnswer(input, now);
    if (!read.ok)
      return refuse(
        'invalid',
        `Please check your answer; nothing has been recorded yet.\n- ${read.problems.join('\n- ')}`,
      );
    return {
      ok: true,
      request: withTtl(
        { ...request, outcomes: { ...request.outcomes, followUp: read.value } },
        services.retention?.personalDays,
      ),
    };
  });
  if (!changed.ok) return changed;
  await logExchange(services, changed.request, now);
  return { ok: true, request: changed.request, queued: [] };
}
