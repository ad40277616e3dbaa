import type { Person } from '../people';

/**
 * The rota coordinator most of a department's people name, by person id; ties go to the id that
 * sorts first, so the answer does not depend on the order people were read in.
 */
export function mostNamedCoordinator(people: readonly Person[]): string | undefined {
  const counts = new Map<string, number>();
  for (const person of people) {
    const id = person.rotaCoordinatorId;
    if (id && id !== person.id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The email configured for a department, matched on its name without case or extra spaces. */
export function configuredCoordinator(
  configured: Readonly<Record<string, string>>,
  department: string,
): string | undefined {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return Object.entries(configured).find(([name]) => key(name) === key(department))?.[1];
}
