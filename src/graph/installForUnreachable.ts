import { withoutRoutingOwed, type Notification } from '../app/notifications';
import type { Services } from '../app/services';
import type { Person } from '../domain/people';
import type { Logger } from '../logging/logger';
import { createGraphClient, type GraphClientChoices } from './createGraphClient';
import { GraphError, GraphNotFoundError, GraphThrottledError, GraphUnavailableError } from './graphErrors';
import type { GraphSettings } from './graphSettings';
import { findUserIdByEmail } from './findUserIdByEmail';
import { installAppForUser, type InstallOutcome } from './installApp';

/** Installs the bot's Teams app for one user, always by Entra ID object id. */
export interface AppInstaller {
  install(userId: string): Promise<InstallOutcome>;
  /** The object id of the user with this email, or undefined; the email never goes into a URL. */
  findUserId(email: string): Promise<string | undefined>;
}

export type InstallDecision =
  | { install: true; userId: string; email: string }
  | {
      install: false;
      reason: 'still deliverable' | 'not in the directory' | 'removed the app' | 'waited long enough';
    };

/**
 * Called when a message could not be delivered. Resolves true when the message will be tried
 * again later (the app is being installed), false when the caller should carry on as before.
 */
export type UnreachableHook = (
  notification: Notification,
  services: Pick<Services, 'people' | 'outbox' | 'clock'>,
  logger: Logger,
) => Promise<boolean>;

/** Delivery attempts (the first included) after which the bot stops waiting for Teams and falls back. */
export const MAX_ATTEMPTS_WAITING = 5;
const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * Whether to install the app for the person a message could not reach. Only for someone who has
 * never had a conversation with the bot: a person who had one has removed the app, and that
 * choice is kept. Installation is tried again on each retry (Graph answers "already installed"),
 * for at most MAX_ATTEMPTS_WAITING attempts, then the usual fallback takes over.
 */
export function decideInstall(notification: Notification, person: Person | undefined): InstallDecision {
  if (notification.status !== 'unreachable') return { install: false, reason: 'still deliverable' };
  if (!person) return { install: false, reason: 'not in the directory' };
  if (person.conversation !== undefined) return { install: false, reason: 'removed the app' };
  if (notification.attempts >= MAX_ATTEMPTS_WAITING) return { install: false, reason: 'waited long enough' };
  // A person imported from a staff file has an id of the bot's own: their email finds their object id.
  return { install: true, userId: person.id, email: person.email.trim().toLowerCase() };
}

/** How long to wait for Teams' installation update before trying the message again: 1, 2, 4, 8 minutes, at most 15. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/**
 * Installs the app for the person the message could not reach and puts the message back in the
 * outbox for later: Teams then sends the bot an installation update, which stores the person's
 * conversation reference, and the next attempt reaches them. Resolves true when the message will
 * be tried again.
 */
export async function installForUnreachable(
  installer: AppInstaller,
  notification: Notification,
  services: Pick<Services, 'people' | 'outbox' | 'clock'>,
  logger: Logger,
): Promise<boolean> {
  const log = {
    notificationId: notification.id,
    personId: notification.personId,
    attempts: notification.attempts,
  };
  try {
    const decision = decideInstall(notification, await services.people.findById(notification.personId));
    if (!decision.install) {
      logger.info({ ...log, reason: decision.reason }, 'app not installed for a person the bot cannot reach');
      return false;
    }
    const { outcome, problem } = await tryInstall(installer, decision.userId, decision.email);
    logger[problem ? 'warn' : 'info'](
      { ...log, outcome, problem },
      'installing the app for a person the bot cannot reach',
    );
    if (outcome === 'refused' || outcome === 'unknown user') return false;
    return await putBack(services, notification);
  } catch (error) {
    // Never in the way of the usual fallback: a failure here is logged and the caller carries on.
    logger.warn({ ...log, err: error }, 'could not install the app for a person the bot cannot reach');
    return false;
  }
}

/** The hook for the dispatcher when Graph is on and the app's catalogue id is set; otherwise undefined. */
export function createUnreachableInstaller(
  settings: GraphSettings,
  choices: GraphClientChoices = {},
): UnreachableHook | undefined {
  const installer = createAppInstaller(settings, choices);
  return installer
    ? (notification, services, logger) => installForUnreachable(installer, notification, services, logger)
    : undefined;
}

/** Short waits only: this runs inside message delivery. */
export function createAppInstaller(
  settings: GraphSettings,
  choices: GraphClientChoices = {},
): AppInstaller | undefined {
  const { catalogAppId } = settings;
  if (!settings.enabled || !catalogAppId) return undefined;
  const graph = createGraphClient(settings, { maxAttempts: 2, maxRetryAfterMs: 5_000, ...choices });
  return {
    install: (userId) => installAppForUser(graph, userId, catalogAppId),
    findUserId: (email) => findUserIdByEmail(graph, email),
  };
}

type TryOutcome = { outcome: InstallOutcome | 'busy' | 'refused' | 'unknown user'; problem?: string };

/**
 * By the person's id (their object id when they came from Entra ID); when Graph does not know it,
 * by the object id their email finds. Busy or unavailable: the message waits and this is tried again.
 */
async function tryInstall(installer: AppInstaller, userId: string, email: string): Promise<TryOutcome> {
  try {
    try {
      return { outcome: await installer.install(userId) };
    } catch (error) {
      if (!(error instanceof GraphNotFoundError) || email === '') throw error;
    }
    const found = await installer.findUserId(email);
    if (found === undefined || found === userId) return { outcome: 'unknown user' };
    return { outcome: await installer.install(found) };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error instanceof GraphNotFoundError) return { outcome: 'unknown user' };
    if (error instanceof GraphThrottledError || error instanceof GraphUnavailableError)
      return { outcome: 'busy', problem: describe(error) };
    return { outcome: 'refused', problem: describe(error) };
  }
}

/** The error's kind, status and Graph's code: never the user's id or name. */
function describe(error: GraphError): string {
  return [error.name, error.status, error.code].filter((part) => part !== undefined).join(' ');
}

/** Back to pending, due after a wait; false when the message has gone or someone else sent it meanwhile. */
async function putBack(
  services: Pick<Services, 'outbox' | 'clock'>,
  notification: Notification,
): Promise<boolean> {
  const found = await services.outbox.find(notification.personId, notification.id);
  if (!found) return false;
  if (found.notification.status !== 'unreachable')
    return found.notification.status === 'pending' || found.notification.status === 'sending';
  const due = new Date(services.clock().getTime() + retryDelayMs(found.notification.attempts)).toISOString();
  // Routing around the person is no longer owed: the message is to be sent to them after all.
  const waiting: Notification = {
    ...withoutRoutingOwed(found.notification),
    status: 'pending',
    nextAttemptAt: due,
    lastError: 'waiting for Teams after installing the app',
  };
  return (await services.outbox.update(waiting, found.etag)) !== undefined;
}
