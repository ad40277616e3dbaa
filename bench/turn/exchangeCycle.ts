import { performance } from 'node:perf_hooks';
import type { ShadowingRequest } from '../../src/domain/requests';
import type { DocumentStore } from '../../src/store/documentStore';
import { decideAction } from '../../src/teams/cards/decideAction';
import { actorFor, cardExecute, cardSubmit, message, type Actor } from '../../test/support/activities';
import { cardActions } from '../../test/support/cards';
import type { BotReply } from '../../test/support/http';
import type { PostResult } from '../support/postJson';

/** The turns of an exchange that are timed: the visitor sending, the manager approving, the host accepting. */
export const EXCHANGE_KINDS = ['send', 'approve', 'accept'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export interface ExchangeTarget {
  url: string;
  store: DocumentStore;
  post(url: string, body: unknown): Promise<PostResult>;
}

/** Why and what to learn, on one card: the answer after which hosts and their free times are found. */
export const PURPOSE =
  'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned';
export const OPENING = "I'd like to spend a morning with the discharge team in two weeks";

/**
 * One whole exchange for one visitor, over HTTP through the real service: a request asked for,
 * a host and time picked, sent (timed), approved by the manager (timed), accepted by the host
 * (timed), then cancelled by the visitor so the host's place is free for the next round.
 * `around(kind, turn)` wraps each timed turn (to time it, or to count its store calls).
 */
export async function runExchange(
  target: ExchangeTarget,
  visitor: Actor,
  visitorId: string,
  around: <T>(kind: ExchangeKind, turn: () => Promise<T>) => Promise<T>,
): Promise<void> {
  await expectReply(target, message(visitor, OPENING), /why/i);
  const hosts = await expectReply(target, message(visitor, PURPOSE), /Choose a host and a time/);
  const pick = actionData(hosts, 'draft_pick');
  const summary = await expectReply(target, cardSubmit(visitor, pick), /draft_submit/);
  const submit = actionData(summary, 'draft_submit');
  await around('send', () => expectReply(target, cardSubmit(visitor, submit), /I have asked/));
  const request = await newestOpenRequest(target.store, visitorId);
  const ids = { requestId: request.id, visitorId };
  const manager = actorFor(request.managerId, `bench-manager-${request.managerId}`);
  const host = actorFor(request.hostId, `bench-host-${request.hostId}`);
  // The buttons as the manager's and the host's cards carry them (the visit's time and host too).
  const button = (action: string) => decideAction(action, action, request).data as Record<string, unknown>;
  // Whatever the visitor's rota: cover within the team is a valid answer whether or not cover is needed.
  const approve = { ...button('approve'), coverMethod: 'within_team' };
  await around('approve', () => post(target, cardExecute(manager, 'decide', approve)));
  await expectState(target.store, visitorId, request.id, 'awaiting_host');
  await around('accept', () => post(target, cardExecute(host, 'decide', button('accept'))));
  await expectState(target.store, visitorId, request.id, 'confirmed');
  await post(target, cardExecute(visitor, 'decide', { action: 'cancel', ...ids }));
  await expectState(target.store, visitorId, request.id, 'cancelled');
}

/**
 * Times each timed turn of an exchange into `latencies`, by kind. `settle`, if given, is awaited
 * before each timed turn and not timed: e.g. the service's deliveries of the turn before, which a
 * manager or host clicking seconds later would not find still running.
 */
export function timing(latencies: Record<ExchangeKind, number[]>, settle?: () => Promise<void>) {
  return async <T>(kind: ExchangeKind, turn: () => Promise<T>): Promise<T> => {
    await settle?.();
    const sent = performance.now();
    const result = await turn();
    latencies[kind].push(performance.now() - sent);
    return result;
  };
}

async function post(target: ExchangeTarget, activity: Record<string, unknown>): Promise<string> {
  const { status, body } = await target.post(`${target.url}/api/messages`, activity);
  if (status !== 200 || /sorry/i.test(body)) throw new Error(`a turn of the exchange failed (${status})`);
  return body;
}

async function expectReply(
  target: ExchangeTarget,
  activity: Record<string, unknown>,
  expected: RegExp,
): Promise<BotReply[]> {
  const body = await post(target, activity);
  if (!expected.test(body)) throw new Error(`the exchange did not get the reply ${String(expected)}`);
  return (JSON.parse(body) as { activities?: BotReply[] }).activities ?? [];
}

function actionData(replies: BotReply[], verb: string): Record<string, unknown> {
  const found = replies.flatMap((r) => cardActions(r)).find((a) => a.data.verb === verb);
  if (!found) throw new Error(`no ${verb} button in the reply`);
  return found.data;
}

async function newestOpenRequest(store: DocumentStore, visitorId: string): Promise<ShadowingRequest> {
  const requests = await store.query<ShadowingRequest & { [field: string]: unknown }>('requests', {
    partitionKey: visitorId,
  });
  const open = requests
    .filter((r) => r.state === 'awaiting_manager')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!open?.managerId || !open.hostId) throw new Error('the request sent has no manager or host');
  return open;
}

async function expectState(
  store: DocumentStore,
  visitorId: string,
  requestId: string,
  state: ShadowingRequest['state'],
): Promise<void> {
  const found = await store.read<ShadowingRequest & { [field: string]: unknown }>(
    'requests',
    requestId,
    visitorId,
  );
  if (found?.doc.state !== state)
    throw new Error(`the request is ${found?.doc.state ?? 'missing'}, not ${state}, after a timed turn`);
}
