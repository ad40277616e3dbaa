import { periodOf } from '../../domain/outcomes/exchangeRecord';
import {
  dueOutcomeActions,
  outcomeScanWindows,
  type OutcomeDueAction,
  type Window,
} from '../../domain/outcomes/dueCheckIns';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { RequestState } from '../../domain/requests';
import type { DocumentStore } from '../../store/documentStore';
import type { Notification } from '../notifications';
import { logExchange } from './logExchange';
import { runContained } from '../runContained';
import type { Logger } from '../../logging/logger';
import { queueOutcomeMessages } from './outcomeNotifications';
import type { OutcomeServices } from './outcomeServices';

type RequestDoc = RequestWithOutcomes & { [field: string]: unknown };

/**
 * The scheduler's after-visit work: a check-in to the visitor and the host once a confirmed visit
 * has ended, the exchange logged with what is there after LOG_AFTER_DAYS, and the three-month
 * question. Only requests whose visit ended within each window are read. Every step is
 * idempotent (outbox ids, the log's ids), so a run after a crash queues only what is missing.
 */
export async function queueCheckIns(
  store: DocumentStore,
  services: OutcomeServices,
  now: Date,
  logger?: Logger,
): Promise<Notification[]> {
  const windows = outcomeScanWindows(now);
  const [ended, closed] = await Promise.all([
    endedBetween(store, 'confirmed', windows.checkIn),
    endedBetween(store, 'completed', windows.late),
  ]);
  const queued: Notification[] = [];
  for (const request of [...ended, ...closed]) {
    for (const action of dueOutcomeActions(request, now))
      queued.push(
        ...(await runContained(
          logger,
          `after the visit: ${action.kind}`,
          { requestId: request.id },
          () => carryOut(services, request, action, now),
          [],
        )),
      );
  }
  return queued;
}

async function carryOut(
  services: OutcomeServices,
  request: RequestWithOutcomes,
  action: OutcomeDueAction,
  now: Date,
): Promise<Notification[]> {
  switch (action.kind) {
    case 'check_in':
      return queueOutcomeMessages(
        services.outbox,
        'visit_check_in',
        request,
        [request.visitorId, request.hostId],
        'check-in',
        now,
        services.retention,
      );
    case 'follow_up':
      return queueOutcomeMessages(
        services.outbox,
        'outcome_follow_up',
        request,
        [request.visitorId],
        'follow-up',
        now,
        services.retention,
      );
    case 'log_exchange':
      if (request.start && !(await services.exchanges.find(periodOf(request.start), request.id)))
        await logExchange(services, request, now);
      return [];
  }
}

function endedBetween(store: DocumentStore, state: RequestState, window: Window): Promise<RequestDoc[]> {
  return store.query<RequestDoc>('requests', {
    where: [
      { field: 'state', op: '=', value: state },
      { field: 'end', op: '>=', value: window.from },
      { field: 'end', op: '<=', value: window.to },
    ],
  });
}
