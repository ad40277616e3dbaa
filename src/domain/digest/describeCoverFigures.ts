import { DECLINE_CATEGORY_WORDS } from '../cover/declineCategories';
import type { FigureLine } from './describeFigures';
import type { DeclineCount, ReleaseFigures, ReleaseGroup } from './digestTypes';

const ESTIMATE_NOTE = 'an estimate at bank rates, not what was paid';

/** The period's release and cover in words, or nothing when no visit was in work time. */
export function describeReleaseTotal(figures: ReleaseFigures): FigureLine[] {
  if (figures.visits === 0) return [];
  return [
    { label: 'Visits in work time', value: `${figures.visits} (held or booked)` },
    { label: 'Released from rotas', value: hours(figures.releaseHours) },
    { label: 'Cover needed', value: hours(figures.coverHours) },
    { label: 'Estimated cover cost', value: `${pounds(figures.coverCostGbp)} (${ESTIMATE_NOTE})` },
    ...(figures.unestimated > 0
      ? [
          {
            label: 'Not in the estimate',
            value: `${visits(figures.unestimated)} needing cover with no rate to estimate from`,
          },
        ]
      : []),
  ];
}

/**
 * "Acute Medicine: 3 visits, 12 hours released, 8 hours of cover, estimated £197"; "no paid cover"
 * when the cover was found within the team (or could not be found).
 */
export function describeReleaseGroup(group: ReleaseGroup): string {
  const paid = group.coverCostGbp > 0 ? `, estimated ${pounds(group.coverCostGbp)}` : ', no paid cover';
  const cost = group.coverHours > 0 ? paid : '';
  return `${group.name}: ${visits(group.visits)}, ${hours(group.releaseHours)} released, ${hours(group.coverHours)} of cover${cost}`;
}

/** "No cover available: 2" */
export function describeDecline(decline: DeclineCount): string {
  const reason =
    decline.category === 'not_recorded'
      ? 'Reason not recorded (declined before reasons were kept)'
      : DECLINE_CATEGORY_WORDS[decline.category];
  return `${reason}: ${decline.count}`;
}

function hours(n: number): string {
  return n === 1 ? '1 hour' : `${n} hours`;
}

function visits(n: number): string {
  return n === 1 ? '1 visit' : `${n} visits`;
}

/** Whole pounds: "£1,235". The figures are estimates, so pennies would claim too much. */
function pounds(n: number): string {
  return `£${Math.round(n).toLocaleString('en-GB')}`;
}
