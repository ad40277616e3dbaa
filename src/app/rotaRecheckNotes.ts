import type { Clash, ReleaseSummary } from '../domain/clash';
import { describeHours } from '../domain/clash/describeHours';
import type { ShadowingRequest } from '../domain/requests';

const HOUR_MS = 3_600_000;

/** The names the messages use: whoever is not known is named by their part in the request. */
export interface RecheckNames {
  visitor: string;
  manager: string;
  host: string;
}

/** "in your own time" / "in work time (4 hours released, 4 hours of cover needed)". */
function describeBasis(release: ReleaseSummary, whose: 'your' | 'their'): string {
  if (release.timeBasis === 'own_time') return `in ${whose} own time`;
  const cover =
    release.coverHours > 0
      ? `${describeHours(release.coverHours * HOUR_MS)} of cover needed`
      : 'no cover needed';
  return `in work time (${describeHours(release.releaseHours * HOUR_MS)} released, ${cover})`;
}

/** What changed, for the manager and the visitor. */
export function releaseChangedNotes(
  stateBefore: ShadowingRequest['state'],
  before: ReleaseSummary,
  after: ReleaseSummary,
  names: RecheckNames,
): { manager: string; visitor: string; host: string; arranger: string } {
  const kept = stateBefore === 'awaiting_manager' ? '' : ` ${names.host} is keeping your place.`;
  return {
    manager:
      `${names.visitor}'s rota has changed. This visit was ${describeBasis(before, 'their')}; ` +
      `it is now ${describeBasis(after, 'their')}. Please decide on the release again.`,
    visitor:
      `Your rota has changed. This visit was ${describeBasis(before, 'your')}; it is now ` +
      `${describeBasis(after, 'your')}. ${names.manager} has been asked to decide on your release again.${kept}`,
    host:
      `${names.visitor}'s rota has changed, so their manager has been asked to release them again. ` +
      'Their place on this visit is kept. You will be asked to confirm it once the manager has decided.',
    arranger:
      `${names.visitor}'s rota has changed, so their release goes back to their manager, who will choose ` +
      'again how the shift is covered. Nothing more is needed from you for now; if cover is already booked, ' +
      'please check with the manager before you cancel it.',
  };
}

/** A finding in words for someone other than the person whose rota it is: no rota details. */
function reasonForOthers(clash: Clash, names: RecheckNames): string {
  if (clash.who === 'host') return `${names.host} can no longer host at that time.`;
  if (clash.rule === 'away') return `${names.visitor} is now away from work then.`;
  return `With this visit ${names.visitor} would break the rules on rest and working hours.`;
}

/** The host's own finding, in their words. */
function hostReason(clash: Clash): string {
  if (clash.rule === 'host_on_leave') return 'Your rota now shows you on leave or away at that time.';
  if (clash.rule === 'host_on_duty_elsewhere')
    return 'Your rota now shows you on call or in training at that time.';
  return 'Your rota no longer shows you at work for the whole visit.';
}

function unique(lines: readonly string[]): string {
  return [...new Set(lines)].join(' ');
}

/**
 * The visit no longer fits a rota: each person hears why in words fit for them (the visitor and
 * the host their own findings, the others only that it no longer fits) and what they can do.
 */
export function clashNotes(
  request: ShadowingRequest,
  clashes: readonly Clash[],
  names: RecheckNames,
): { manager: string; visitor: string; host: string } {
  const forVisitor = clashes.map((c) => (c.who === 'visitor' ? c.explanation : reasonForOthers(c, names)));
  const forHost = clashes.map((c) => (c.who === 'host' ? hostReason(c) : reasonForOthers(c, names)));
  const forManager = clashes.map((c) => reasonForOthers(c, names));
  const hostCan =
    request.state === 'awaiting_host'
      ? 'You can suggest another time or decline it on the request card.'
      : `You can cancel it on your confirmation card; ${names.visitor} can then ask for another time.`;
  const managerCan =
    request.state === 'awaiting_manager'
      ? `You can decline it, or leave it with ${names.visitor}, who has been told.`
      : `${names.visitor} has been told and can cancel it or ask for another time.`;
  return {
    visitor:
      `This visit no longer fits the rotas. ${unique(forVisitor)} To cancel it, type "my requests"; ` +
      'to ask for another time, type "new request".',
    host: `This visit no longer fits the rotas. ${unique(forHost)} ${hostCan}`,
    manager: `This visit no longer fits the rotas. ${unique(forManager)} ${managerCan}`,
  };
}

/** A clash told before has gone: the visit stands as it was. */
export function clashClearedNote(): string {
  return 'The rotas have changed again and this visit fits them once more, so it stands as it was.';
}
