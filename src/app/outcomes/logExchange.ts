import { buildExchangeRecord, periodOf, sameRecord } from '../../domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { LogWrite } from '../../store/repositories/exchangesRepository';
import { withTtl } from '../dataRights/retention';
import type { OutcomeServices } from './outcomeServices';

/**
 * Writes the exchange's one record in the log (id = request id), or brings it up to date. Safe to
 * repeat: the same facts write nothing. Undefined when the request is not completed or no-show.
 */
export async function logExchange(
  services: OutcomeServices,
  request: RequestWithOutcomes,
  now: Date,
): Promise<LogWrite | undefined> {
  if ((request.state !== 'completed' && request.state !== 'no_show') || !request.start || !request.end)
    return undefined;
  const [visitor, host, offer, remindersNeeded] = await Promise.all([
    services.people.findById(request.visitorId),
    request.hostId ? services.people.findById(request.hostId) : undefined,
    request.hostId && request.offerId
      ? services.offers.find(request.hostId, request.offerId).then((f) => f?.offer)
      : undefined,
    countReminders(services, request),
  ]);
  const record = buildExchangeRecord({ request, visitor, host, offer, remindersNeeded, now });
  if (!record) return undefined;
  return services.exchanges.save(withTtl(record, services.retention?.exchangeLogDays), sameRecord);
}

/**
 * Logs a visit once both forms are in, a no-show at once, and brings an already logged record up
 * to date when a late form arrives. Otherwise the scheduler logs it after LOG_AFTER_DAYS.
 */
export async function logIfReady(
  services: OutcomeServices,
  request: RequestWithOutcomes,
  now: Date,
): Promise<LogWrite | undefined> {
  const outcomes = request.outcomes ?? {};
  const ready =
    request.state === 'no_show' ||
    (request.state === 'completed' &&
      Boolean(outcomes.visitor) &&
      (Boolean(outcomes.host) || !request.hostId));
  if (ready) return logExchange(services, request, now);
  if (
    request.state === 'completed' &&
    request.start &&
    (await services.exchanges.find(periodOf(request.start), request.id))
  )
    return logExchange(services, request, now);
  return undefined;
}

/** Reminders sent to whoever the request waited on: decision_reminder messages in their outboxes. */
async function countReminders(services: OutcomeServices, request: RequestWithOutcomes): Promise<number> {
  const people = [
    ...new Set([request.visitorId, request.managerId, request.hostId].filter((p): p is string => Boolean(p))),
  ];
  const lists = await Promise.all(people.map((personId) => services.outbox.listForPerson(personId)));
  return lists.flat().filter((n) => n.requestId === request.id && n.kind === 'decision_reminder').length;
}
