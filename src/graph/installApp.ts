import type { GraphClient } from './graphClient';
import { GraphError } from './graphErrors';

export type InstallOutcome = 'installed' | 'already installed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Installs the bot's Teams app for a person who has not installed it, so the bot can send them a
 * card (a manager's approval, say). Teams then sends the bot an installation update, which is
 * where their conversation reference is stored. `teamsAppId` is the app's id in the Trust's app
 * catalogue (see findCatalogAppId), not the manifest id.
 */
export async function installAppForUser(
  graph: GraphClient,
  userId: string,
  teamsAppId: string,
): Promise<InstallOutcome> {
  try {
    await graph.post(
      `/users/${encodeURIComponent(userId)}/teamwork/installedApps`,
      { 'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(teamsAppId)}` },
      { permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All' },
    );
    return 'installed';
  } catch (error) {
    if (error instanceof GraphError && error.status === 409) return 'already installed';
    throw error;
  }
}

/** The catalogue id of the app whose manifest id is `manifestId`, or undefined if the Trust has not published it. */
export async function findCatalogAppId(graph: GraphClient, manifestId: string): Promise<string | undefined> {
  if (!GUID.test(manifestId)) throw new RangeError('The Teams app manifest id must be a GUID.');
  const filter = encodeURIComponent(`externalId eq '${manifestId}'`);
  const apps = await graph.list<{ id: string }>(`/appCatalogs/teamsApps?$filter=${filter}`, {
    permission: 'AppCatalog.Read.All',
  });
  return apps[0]?.id;
}
