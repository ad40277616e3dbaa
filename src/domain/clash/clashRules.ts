import { toInstantMs } from '../time/instants';
import type { Interval } from '../time/intervals';
import { toLondonIso } from '../time/londonTime';
import type { CheckVisitInput, Clash, ClashReport, Finding } from './clashTypes';
import { describeTimeBasis } from './describeTimeBasis';
import { findRelease } from './findRelease';
import { prepareClashContext, type ClashContext, type ClashRule } from './prepareClashContext';
import { checkAway } from './rules/checkAway';
import { checkHostAway } from './rules/checkHostAway';
import { checkHostCapacity } from './rules/checkHostCapacity';
import { checkHostElsewhere } from './rules/checkHostElsewhere';
import { checkHostNotWorking } from './rules/checkHostNotWorking';
import { checkHostOffered } from './rules/checkHostOffered';
import { checkHostSlotHeld } from './rules/checkHostSlotHeld';
import { checkLeave } from './rules/checkLeave';
import { checkVisitorBooked } from './rules/checkVisitorBooked';
import { checkWorkingTime } from './rules/checkWorkingTime';

/** Rules that block a visit, visitor's first, in the order their reasons are shown. */
const BLOCKING_RULES: readonly ClashRule[] = [
  checkVisitorBooked,
  checkAway,
  checkWorkingTime,
  checkHostAway,
  checkHostElsewhere,
  checkHostNotWorking,
  checkHostOffered,
  checkHostCapacity,
  checkHostSlotHeld,
];
/** Rules worth telling the visitor about that neither block nor need a release. */
const WARNING_RULES: readonly ClashRule[] = [checkLeave];

export function findBlocking(context: ClashContext, visit: Interval): Finding[] {
  return BLOCKING_RULES.flatMap((rule) => rule(context, visit));
}

export function hasBlocking(context: ClashContext, visit: Interval): boolean {
  return BLOCKING_RULES.some((rule) => rule(context, visit).length > 0);
}

export function findWarnings(context: ClashContext, visit: Interval): Finding[] {
  return WARNING_RULES.flatMap((rule) => rule(context, visit));
}

export function toClash(finding: Finding): Clash {
  return {
    rule: finding.rule,
    who: finding.who,
    start: toLondonIso(finding.window.start),
    end: toLondonIso(finding.window.end),
    explanation: finding.explain(),
  };
}

/** Reads a visit's [start, end); throws a RangeError if either is not an instant or it is empty. */
export function toVisitInterval(start: CheckVisitInput['start'], end: CheckVisitInput['end']): Interval {
  const visit = { start: toInstantMs(start, 'Visit start'), end: toInstantMs(end, 'Visit end') };
  if (!(visit.start < visit.end)) throw new RangeError('The visit must end after it starts');
  return visit;
}

/** Checks one visit against rotas and an offer already prepared (see prepareClashContext). */
export function checkVisitInContext(context: ClashContext, visit: Interval): ClashReport {
  const clashes = findBlocking(context, visit).map(toClash);
  return {
    ok: clashes.length === 0,
    clashes,
    release: findRelease(context, visit),
    warnings: findWarnings(context, visit).map(toClash),
  };
}

/** The visit's time basis in plain words (see describeTimeBasis), for a visit checked on its own. */
export function describeVisitTimeBasis(input: CheckVisitInput): string {
  const context = prepareClashContext(input);
  const visit = toVisitInterval(input.start, input.end);
  return describeTimeBasis(context, visit, findRelease(context, visit));
}

/**
 * Checks a proposed visit for both people: what blocks it (clashes), the rostered time the
 * manager would release the visitor from (release), and what to know (warnings).
 */
export function checkVisit(input: CheckVisitInput): ClashReport {
  return checkVisitInContext(prepareClashContext(input), toVisitInterval(input.start, input.end));
}
