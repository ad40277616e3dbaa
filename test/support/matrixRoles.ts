import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { actorFor, TENANT_ID, type Actor } from './activities';
import { postActivity } from './http';

/** A Microsoft 365 tenant the service does not serve (the matrix service allows only TENANT_ID). */
export const OTHER_TENANT_ID = '11111111-2222-4333-8444-555555555555';

/** The settings the authorisation matrices run the service with: one tenant served. */
export const MATRIX_SETTINGS = { SCHEDULER_INTERVAL_SECONDS: '0', ALLOWED_TENANT_IDS: TENANT_ID };

/**
 * Everyone who might press a button on Alex's request: its parties, the rota coordinator of
 * Alex's department (Miriam Graham) and of another one, people with no part in it (in the
 * directory or not) and Megan's own id sent from another organisation.
 */
export function matrixRoles() {
  return {
    visitor: actorFor(DEMO_IDS.alex, 'alex-matrix'),
    manager: actorFor(DEMO_IDS.megan, 'megan-matrix'),
    otherManager: actorFor(DEMO_IDS.isaiah, 'isaiah-matrix'),
    host: actorFor(DEMO_IDS.adele, 'adele-matrix'),
    otherHost: actorFor(DEMO_IDS.lynne, 'lynne-matrix'),
    lead: actorFor(DEMO_IDS.patti, 'patti-matrix'),
    coordinator: actorFor(DEMO_IDS.miriam, 'miriam-matrix'),
    /** Set by `placeRoles`: the demo gives their ids at seeding. */
    otherCoordinator: actorFor(undefined, 'other-coordinator-matrix'),
    directoryStranger: actorFor(undefined, 'colleague-matrix'),
    unknown: actorFor(randomUUID(), 'unknown-matrix'),
    otherTenant: { ...actorFor(DEMO_IDS.megan, 'megan-elsewhere-matrix'), tenantId: OTHER_TENANT_ID },
  } satisfies Record<string, Actor>;
}
export type MatrixRoles = ReturnType<typeof matrixRoles>;
export type MatrixRole = keyof MatrixRoles;

/**
 * Gives the roles found in the seeded directory their ids: the rota coordinator of Adele's
 * department (not Alex's), and a colleague who manages, hosts, coordinates and leads nothing.
 */
export async function placeRoles(roles: MatrixRoles, services: Services): Promise<void> {
  const everyone = await services.people.listAll();
  const alex = everyone.find((p) => p.id === DEMO_IDS.alex);
  const adele = everyone.find((p) => p.id === DEMO_IDS.adele);
  if (alex?.rotaCoordinatorId !== DEMO_IDS.miriam) throw new Error("Miriam is not Alex's rota coordinator");
  if (!adele?.rotaCoordinatorId || adele.rotaCoordinatorId === DEMO_IDS.miriam)
    throw new Error('Adele has no rota coordinator of her own');
  roles.otherCoordinator.aadObjectId = adele.rotaCoordinatorId;
  const hosts = new Set((await services.offers.listActive()).map((o) => o.hostId));
  const named = new Set(Object.values(roles).map((r) => r.aadObjectId));
  const colleague = everyone
    .filter(
      (p) =>
        !named.has(p.id) &&
        !hosts.has(p.id) &&
        p.roles.every((role) => role === 'staff') &&
        !everyone.some((other) => other.managerId === p.id || other.rotaCoordinatorId === p.id),
    )
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!colleague) throw new Error('the demo directory has nobody uninvolved');
  roles.directoryStranger.aadObjectId = colleague.id;
}

/** What a role is shown when it posts this activity: other tenants are refused at the door (403). */
export async function answerTo(
  url: string,
  role: MatrixRole,
  activity: unknown,
): Promise<{ status: number; body: unknown; replies: Awaited<ReturnType<typeof postActivity>>['replies'] }> {
  const answer = await postActivity(url, activity);
  expect({ role, status: answer.status }).toEqual({ role, status: role === 'otherTenant' ? 403 : 200 });
  return answer;
}
