import type { HappenedAnswer, RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Person } from '../../domain/people';
import { REQUEST_STATE_LABELS } from '../../domain/requestStateLabels';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { applyTransition, rolesOf, type Action } from '../../domain/workflow/transitions';
import { withTtl } from '../dataRights/retention';
import { notifyParties } from '../notifyParties';
import { releasePlace } from '../releasePlace';
import { writeTasks } from '../writeTasks';
import { actorOf, changeOutcomes, refuse, type Change, type OutcomeResult } from './changeOutcomes';
import { logExchange } from './logExchange';
import type { OutcomeServices } from './outcomeServices';

const ACTION: Record<HappenedAnswer, Action> = {
  yes: 'complete',
  no_show: 'no_show',
  cancelled_on_the_day: 'cancel',
};
const ANSWER_WORDS: Record<HappenedAnswer, string> = {
  yes: 'the visit happened',
  no_show: 'the visitor did not come',
  cancelled_on_the_day: 'the visit was cancelled on the day',
};

/**
 * "Did it happen?", answered by the visitor or the host once the visit has started: moves the
 * request to completed, no-show or cancelled in one conditional write with the answer. The same
 * answer again changes nothing; a different one is refused. A no-show is logged at once.
 */
export async function recordCheckIn(
  services: OutcomeServices,
  actor: Person,
  visitorId: string,
  requestId: string,
  answer: HappenedAnswer,
  now: Date,
): Promise<OutcomeResult> {
  const changed = await changeOutcomes(services, visitorId, requestId, (request) =>
    decideCheckIn(request, actor, answer, now, services.retention?.personalDays),
  );
  if (!changed.ok) return changed;
  if (changed.already) return { ok: true, request: changed.request, queued: [], already: true };
  const request = changed.request;
  await writeTasks(services.tasks, request);
  await releasePlace(services.holds, request);
  const queued =
    answer === 'cancelled_on_the_day'
      ? await notifyParties(
          services.outbox,
          request,
          'cancel',
          actor.id,
          now,
          'The visit was cancelled on the day.',
        )
      : [];
  if (request.state === 'no_show') await logExchange(services, request, now);
  return { ok: true, request, queued };
}

export function decideCheckIn(
  request: RequestWithOutcomes,
  actor: Person,
  answer: HappenedAnswer,
  now: Date,
  keepDays?: number,
): Change {
  const roles = rolesOf(request, actorOf(actor));
  const isHost = roles.includes('host') || roles.includes('programme_lead');
  if (!roles.includes('visitor') && !isHost)
    return refuse(
      'not_party',
      'Only the visitor and the host can say whether this visit happened. Nothing has been recorded.',
    );
  const recorded =
    request.outcomes?.checkIn?.answer ??
    (request.state === 'completed' ? 'yes' : request.state === 'no_show' ? 'no_show' : undefined);
  if (recorded === answer) return { ok: true, already: true };
  if (recorded)
    return refuse(
      'already_recorded',
      `It has already been recorded that ${ANSWER_WORDS[recorded]}, so I have not changed it. If that is wrong, please tell the programme lead.`,
    );
  if (request.state !== 'confirmed')
    return refuse(
      'not_happened',
      `This visit is marked "${REQUEST_STATE_LABELS[request.state]}", so there is nothing to record.`,
    );
  if (!request.start || !request.end || now < new Date(request.start)) {
    const when =
      request.start && request.end ? ` (it is on ${formatVisitTime(request.start, request.end)})` : '';
    return refuse(
      'too_early',
      `This visit has not happened yet${when}. I will ask you about it afterwards. Nothing has been recorded.`,
    );
  }
  if (answer === 'no_show' && !isHost) {
    return refuse(
      'not_party',
      'Only the host can record that the visitor did not come. If the visit did not take place, choose "Cancelled on the day".',
    );
  }
  const moved = applyTransition(
    request,
    ACTION[answer],
    actorOf(actor),
    now,
    answer === 'cancelled_on_the_day' ? 'Cancelled on the day.' : undefined,
  );
  if (!moved.ok) return refuse('not_party', moved.refusal);
  const next: RequestWithOutcomes = {
    ...moved.request,
    outcomes: { ...request.outcomes, checkIn: { answer, by: actor.id, at: now.toISOString() } },
  };
  return { ok: true, request: withTtl(next, keepDays) };
}
