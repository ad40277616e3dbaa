import { configuredCoordinator, mostNamedCoordinator } from '../domain/cover/findCoordinator';
import type { Person } from '../domain/people';
import type { Services } from './services';

/**
 * The rota coordinator of the visitor's department: the one the cover settings name for it, else
 * the one most of its people name in the directory. Undefined when neither is known (or is in the
 * directory); never the visitor themselves.
 */
export async function findRotaCoordinator(services: Services, visitor: Person): Promise<Person | undefined> {
  const email = configuredCoordinator(services.coverRates.rotaCoordinators, visitor.department);
  const configured = email ? await services.people.findByEmail(email) : undefined;
  if (configured && configured.id !== visitor.id) return configured;
  const department = await services.people.listByDepartment(visitor.department);
  const named = mostNamedCoordinator(department);
  const coordinator = named ? await services.people.findById(named) : undefined;
  return coordinator && coordinator.id !== visitor.id ? coordinator : undefined;
}
