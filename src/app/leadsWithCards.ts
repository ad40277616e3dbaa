import type { ShadowingRequest } from '../domain/requests';
import { dueActions } from '../domain/workflow/dueReminders';
import type { Action, Actor } from '../domain/workflow/transitions';
import type { Notification } from './notifications';
import { newNotification } from './notifyParties';
import { listProgrammeLeads } from './programmeLeads';
import type { Services } from './services';

/** Moves out of waiting for the manager, after which a programme lead's approval card no longer applies. */
const LEAVES_MANAGER: ReadonlySet<Action> = new Set<Action>(['approve', 'decline_release', 'cancel']);

/**
 * Programme leads who were sent a card asking them to approve `before` (it was routed to them, or
 * escalated after waiting) are told where it stands once someone else has moved it on, so their
 * card no longer offers buttons that cannot work. Looked for only when leads may hold such a
 * card: a lead acted, the visitor has no manager, or the request waited long enough to be escalated.
 */
export async function tellLeadsWithCards(
  services: Services,
  before: ShadowingRequest,
  after: ShadowingRequest,
  action: Action,
  actor: Actor,
  now: Date,
): Promise<Notification[]> {
  if (before.state !== 'awaiting_manager' || !LEAVES_MANAGER.has(action)) return [];
  const escalated = dueActions(before, now).some((due) => due.kind === 'escalate');
  if (!actor.isProgrammeLead && before.managerId && !escalated) return [];
  const parties = new Set([actor.id, after.visitorId, after.managerId, after.hostId]);
  const leads = (await listProgrammeLeads(services)).filter((lead) => !parties.has(lead.id));
  const holding = await Promise.all(
    leads.map(async (lead) =>
      (await services.outbox.listAbout(lead.id, after.id)).some(
        (n) => n.status === 'sent' && (n.kind === 'approval_needed' || n.kind === 'escalation'),
      ),
    ),
  );
  const step = String(after.history.length);
  const owed = leads
    .filter((_, i) => holding[i])
    .map((lead) => newNotification('request_update', after, lead.id, step, now));
  const fresh = await Promise.all(owed.map((notification) => services.outbox.enqueue(notification)));
  return owed.filter((_, i) => fresh[i]);
}
