import { buildDigest } from '../../domain/digest/buildDigest';
import type { DigestSettings } from '../../domain/digest/digestSettings';
import type { DigestContent } from '../../domain/digest/digestTypes';
import { digestDueAt, isoWeekOf, type IsoWeek } from '../../domain/digest/isoWeek';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import type { Notification } from '../notifications';
import { INSTANCE_ID } from '../scheduledWork';
import type { Services } from '../services';
import { claimDigestWeek, finishDigestWeek, renewDigestLease } from './digestWeekJob';
import { loadDigestAudience, type DigestAudience } from './loadDigestAudience';

/** Messages queued between renewals of the week's lease. */
const RENEW_EVERY = 25;

/** The outbox id of one person's digest for one week: the same however often it is queued. */
export function digestNotificationId(week: string, personId: string): string {
  return `digest:${week}:${personId}`;
}

/**
 * Queues this week's digests once the week's digest time (Monday 08:00 London by default) has
 * come: one message per person who has something, each with a fixed id, so a rerun, a second
 * instance or a run after a crash adds nothing twice. The week's job record keeps the scan to one
 * run at a time and once a week. Resolves the messages this run newly queued.
 */
export async function queueWeeklyDigests(
  store: DocumentStore,
  services: Services,
  now: Date,
  settings: DigestSettings,
  holder: string = INSTANCE_ID,
): Promise<Notification[]> {
  const week = isoWeekOf(now.getTime());
  if (now.getTime() < digestDueAt(week, settings.schedule)) return [];
  let held = await claimDigestWeek(store, week.label, now, holder);
  if (!held) return [];
  const audience = await loadDigestAudience(store, services, week, now, settings);
  const queued: Notification[] = [];
  let seen = 0;
  for (const content of listDigests(audience, week, now)) {
    if (seen % RENEW_EVERY === 0) held = await renewDigestLease(store, held, services.clock());
    if (!held) return queued;
    const notification = digestNotification(content, now);
    if (await services.outbox.enqueue(notification)) queued.push(notification);
    seen += 1;
  }
  if (held) await finishDigestWeek(store, held, services.clock(), seen);
  return queued;
}

/**
 * Every digest the week owes, in a stable order: people reachable in Teams who have something.
 * Nothing is written; the preview prints these.
 */
export function listDigests(audience: DigestAudience, week: IsoWeek, now: Date): DigestContent[] {
  const digests: DigestContent[] = [];
  for (const person of [...audience.people.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!isReachable(person)) continue;
    const reader = { id: person.id, name: person.name, isProgrammeLead: audience.leadIds.has(person.id) };
    const content = buildDigest(reader, { week, now, world: audience.world });
    if (content) digests.push(content);
  }
  return digests;
}

export function isReachable(person: Person): boolean {
  return person.conversation !== undefined && person.unreachableSince === undefined;
}

/** The queued message: it carries the digest as built, so sending it reads nothing else. */
export function digestNotification(content: DigestContent, now: Date): Notification {
  const stamp = now.toISOString();
  return {
    id: digestNotificationId(content.week, content.personId),
    personId: content.personId,
    kind: 'weekly_digest',
    requestId: content.week,
    visitorId: content.personId,
    payload: content,
    status: 'pending',
    attempts: 0,
    createdAt: stamp,
    nextAttemptAt: stamp,
  };
}
