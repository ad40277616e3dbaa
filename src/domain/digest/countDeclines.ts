import { DECLINE_CATEGORIES } from '../cover/declineCategories';
import type { DeclineCount, DigestWorld } from './digestTypes';
import { within, type Period } from './measureFigures';

/**
 * Requests managers declined in the period, by the reason category they chose, most first. A
 * decline from before categories were kept counts as `not_recorded`. Categories nobody chose are
 * left out.
 */
export function countDeclines(world: DigestWorld, period: Period): DeclineCount[] {
  const counts = new Map<DeclineCount['category'], number>();
  for (const request of world.requests) {
    if (request.state !== 'declined_by_manager') continue;
    const declined = request.history.find((t) => t.to === 'declined_by_manager');
    if (!within(declined ? Date.parse(declined.at) : undefined, period)) continue;
    const category = request.declineCategory ?? 'not_recorded';
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const order: ReadonlyArray<DeclineCount['category']> = [...DECLINE_CATEGORIES, 'not_recorded'];
  return [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.category) - order.indexOf(b.category));
}
