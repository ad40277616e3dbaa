import { coverRecordOf } from '../cover/coverRecord';
import { PROFESSION_WORDS } from '../people';
import type { RequestState } from '../requests';
import type { DigestWorld, ReleaseFigures, ReleaseGroup, ReleaseReport } from './digestTypes';
import { within, type Period } from './measureFigures';

/** Visits that took place or are booked: the ones whose release and cover count. */
const HELD_OR_BOOKED: ReadonlySet<RequestState> = new Set(['confirmed', 'completed', 'no_show']);

const UNKNOWN_DEPARTMENT = 'Department not known';
const UNKNOWN_PROFESSION = 'Staff group not known';

/**
 * Release from the rota and cover for the visits in work time that start in the period (held, not
 * attended, or booked), in total and by the visitor's department and staff group. Only groups
 * with something in them are listed. Requests from before release was kept count as own time.
 */
export function measureRelease(world: DigestWorld, period: Period): ReleaseReport {
  const released = world.requests
    .filter((r) => HELD_OR_BOOKED.has(r.state) && r.start && within(Date.parse(r.start), period))
    .map((r) => ({ request: r, cover: coverRecordOf(r) }))
    .filter(({ cover }) => cover.timeBasis === 'work_time');
  const total = emptyFigures();
  const departments = new Map<string, ReleaseFigures>();
  const professions = new Map<string, ReleaseFigures>();
  for (const { request, cover } of released) {
    const visitor = world.people.get(request.visitorId);
    const department = visitor?.department || UNKNOWN_DEPARTMENT;
    const profession = visitor ? PROFESSION_WORDS[visitor.profession] : UNKNOWN_PROFESSION;
    for (const figures of [total, groupOf(departments, department), groupOf(professions, profession)]) {
      figures.visits += 1;
      figures.releaseHours += cover.releaseHours;
      figures.coverHours += cover.coverHours;
      figures.coverCostGbp += cover.coverCostEstimateGbp ?? 0;
      if (cover.coverHours > 0 && cover.coverCostEstimateGbp === undefined) figures.unestimated += 1;
    }
  }
  return {
    total: rounded(total),
    byDepartment: listGroups(departments),
    byProfession: listGroups(professions),
  };
}

function emptyFigures(): ReleaseFigures {
  return { visits: 0, releaseHours: 0, coverHours: 0, coverCostGbp: 0, unestimated: 0 };
}

function groupOf(groups: Map<string, ReleaseFigures>, name: string): ReleaseFigures {
  const found = groups.get(name);
  if (found) return found;
  const fresh = emptyFigures();
  groups.set(name, fresh);
  return fresh;
}

/** Most hours released first, then by name. */
function listGroups(groups: ReadonlyMap<string, ReleaseFigures>): ReleaseGroup[] {
  return [...groups.entries()]
    .map(([name, figures]) => ({ name, ...rounded(figures) }))
    .sort((a, b) => b.releaseHours - a.releaseHours || a.name.localeCompare(b.name));
}

/** Hours to 2 decimal places and pounds to the penny, so sums of many small figures read cleanly. */
function rounded(figures: ReleaseFigures): ReleaseFigures {
  const to2 = (n: number) => Math.round(n * 100) / 100;
  return {
    ...figures,
    releaseHours: to2(figures.releaseHours),
    coverHours: to2(figures.coverHours),
    coverCostGbp: to2(figures.coverCostGbp),
  };
}
