import type { RequestState, ShadowingRequest } from '../requests';

export type Actor = { id: string; isProgrammeLead: boolean } | { id: 'system'; isProgrammeLead: false };
export type ActorRole = 'visitor' | 'manager' | 'host' | 'programme_lead' | 'system';

export const OPEN_STATES: readonly RequestState[] = [
  'awaiting_manager',
  'awaiting_host',
  'host_proposed_time',
  'confirmed',
];
/** States in which a request holds a place with its host. */
export const HOLDING_STATES: readonly RequestState[] = OPEN_STATES;

interface Rule {
  from: readonly RequestState[];
  to: RequestState;
  roles: readonly ActorRole[];
  /** Narrower starting states for some roles (a host only hears of a request once it is released). */
  fromFor?: Partial<Record<ActorRole, readonly RequestState[]>>;
  needsReason?: boolean;
}

/** Every allowed move: who may make it, from which states, to which state. Nothing else is allowed. */
export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'awaiting_manager', roles: ['visitor'] },
  approve: { from: ['awaiting_manager'], to: 'awaiting_host', roles: ['manager', 'programme_lead'] },
  decline_release: {
    from: ['awaiting_manager'],
    to: 'declined_by_manager',
    roles: ['manager', 'programme_lead'],
    needsReason: true,
  },
  accept: { from: ['awaiting_host'], to: 'confirmed', roles: ['host'] },
  /** The host accepts, but the visitor's rota changed what the visit releases: the manager decides again. */
  accept_rota_changed: { from: ['awaiting_host'], to: 'awaiting_manager', roles: ['host'] },
  /** A rota change alters what the visit releases: back to the manager, the host's place kept. */
  rota_changed: { from: ['awaiting_host', 'confirmed'], to: 'awaiting_manager', roles: ['system'] },
  decline_visit: { from: ['awaiting_host'], to: 'declined_by_host', roles: ['host'], needsReason: true },
  propose_time: { from: ['awaiting_host'], to: 'host_proposed_time', roles: ['host'] },
  accept_time: { from: ['host_proposed_time'], to: 'awaiting_host', roles: ['visitor'] },
  /** The same, where the trust wants a changed date approved by the manager again. */
  accept_time_for_manager: { from: ['host_proposed_time'], to: 'awaiting_manager', roles: ['visitor'] },
  reject_time: { from: ['host_proposed_time'], to: 'cancelled', roles: ['visitor'] },
  cancel: {
    from: OPEN_STATES,
    to: 'cancelled',
    roles: ['visitor', 'host', 'programme_lead'],
    fromFor: { host: ['awaiting_host', 'host_proposed_time', 'confirmed'] },
  },
  /** Cover could not be arranged, and the manager calls the visit off rather than release without it. */
  cancel_for_cover: {
    from: ['awaiting_host', 'host_proposed_time', 'confirmed'],
    to: 'cancelled',
    roles: ['manager', 'programme_lead'],
  },
  complete: { from: ['confirmed'], to: 'completed', roles: ['visitor', 'host', 'programme_lead', 'system'] },
  no_show: { from: ['confirmed'], to: 'no_show', roles: ['host', 'programme_lead'] },
  expire: {
    from: ['awaiting_manager', 'awaiting_host', 'host_proposed_time'],
    to: 'expired',
    roles: ['system'],
  },
  /** The visitor's or the host's data was erased: the visit cannot go ahead with them. */
  withdraw: { from: OPEN_STATES, to: 'cancelled', roles: ['system'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof TRANSITIONS;

export type TransitionResult = { ok: true; request: ShadowingRequest } | { ok: false; refusal: string };

/** The roles the actor holds on this request. A person may hold several (e.g. host and lead). */
export function rolesOf(request: ShadowingRequest, actor: Actor): ActorRole[] {
  if (actor.id === 'system') return ['system'];
  const roles: ActorRole[] = [];
  if (actor.id === request.visitorId) roles.push('visitor');
  if (actor.id === request.managerId && actor.id !== request.visitorId) roles.push('manager');
  if (actor.id === request.hostId && actor.id !== request.visitorId) roles.push('host');
  if (actor.isProgrammeLead && actor.id !== request.visitorId) roles.push('programme_lead');
  return roles;
}

const STATE_WORDS: Record<RequestState, string> = {
  draft: 'not sent yet',
  awaiting_manager: 'waiting for the manager',
  awaiting_host: 'waiting for the host',
  host_proposed_time: 'waiting for the visitor to answer a new time',
  confirmed: 'confirmed',
  completed: 'already done',
  no_show: 'recorded as not having happened',
  declined_by_manager: 'already declined by the manager',
  declined_by_host: 'already declined by the host',
  cancelled: 'already cancelled',
  expired: 'expired',
};

/**
 * Applies one move if this actor may make it from the request's current state, recording who,
 * when and why. Returns a plain refusal otherwise; the request is never changed in place.
 */
export function applyTransition(
  request: ShadowingRequest,
  action: Action,
  actor: Actor,
  at: Date,
  reason?: string,
): TransitionResult {
  const rule: Rule = TRANSITIONS[action];
  const roles = rolesOf(request, actor);
  if (!roles.some((role) => rule.roles.includes(role))) {
    return {
      ok: false,
      refusal: 'That is for someone else on this request to do. Nothing has been changed.',
    };
  }
  const permitted = roles.filter((role) => rule.roles.includes(role));
  if (!permitted.some((role) => (rule.fromFor?.[role] ?? rule.from).includes(request.state))) {
    return {
      ok: false,
      refusal: `This request is ${STATE_WORDS[request.state]}, so that can no longer be done. Nothing has been changed.`,
    };
  }
  const why = reason?.trim();
  if (rule.needsReason && !why)
    return { ok: false, refusal: 'Please give a short reason, so the visitor knows why.' };
  const stamp = at.toISOString();
  return {
    ok: true,
    request: {
      ...request,
      state: rule.to,
      updatedAt: stamp,
      history: [
        ...request.history,
        { from: request.state, to: rule.to, by: actor.id, at: stamp, ...(why ? { reason: why } : {}) },
      ],
    },
  };
}
