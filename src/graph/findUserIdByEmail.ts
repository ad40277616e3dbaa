import type { GraphClient } from './graphClient';
import {
  GraphAccessDeniedError,
  GraphError,
  GraphThrottledError,
  GraphUnavailableError,
} from './graphErrors';

const READ_USERS = 'User.Read.All';

interface BatchAnswer {
  responses?: Array<{ id?: string; status?: number; body?: { value?: Array<{ id?: string }> } }>;
}

/**
 * The Entra ID object id of the user whose mail or sign-in name is `email`, or undefined when
 * there is none. The lookup goes through Graph's JSON batch, so the address travels in the request
 * body and never in a URL, where request logs and telemetry would record it.
 */
export async function findUserIdByEmail(graph: GraphClient, email: string): Promise<string | undefined> {
  const quoted = `'${email.trim().toLowerCase().replace(/'/g, "''")}'`;
  const filter = encodeURIComponent(`mail eq ${quoted} or userPrincipalName eq ${quoted}`);
  const answer = await graph.post<BatchAnswer>(
    '/$batch',
    { requests: [{ id: '1', method: 'GET', url: `/users?$filter=${filter}&$select=id` }] },
    { permission: READ_USERS },
  );
  const response = answer?.responses?.find((r) => r.id === '1');
  const status = response?.status ?? 0;
  if (status === 200) return response?.body?.value?.[0]?.id || undefined;
  if (status === 404) return undefined;
  const label = 'GET /users?$filter=(by email) in a batch';
  if (status === 429 || status === 503)
    throw new GraphThrottledError(
      `${label}: Microsoft Graph is busy (${status}); try again later.`,
      status,
      undefined,
    );
  if (status === 401 || status === 403)
    throw new GraphAccessDeniedError(
      `${label}: Microsoft Graph refused access (${status}): the app needs the ${READ_USERS} application permission with admin consent.`,
      status,
      undefined,
    );
  if (status >= 500 || status === 0)
    throw new GraphUnavailableError(
      `${label}: Microsoft Graph did not answer usefully (${status}).`,
      status,
      undefined,
    );
  throw new GraphError(`${label}: Microsoft Graph answered ${status}.`, status, undefined);
}
