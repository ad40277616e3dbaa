import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { GraphClient, type GraphClientOptions } from './graphClient';
import type { GraphSettings } from './graphSettings';

export interface GraphClientChoices extends Omit<Partial<GraphClientOptions>, 'baseUrl'> {
  /** A credential of the caller's (tests); otherwise DefaultAzureCredential. */
  credential?: TokenCredential;
}

/**
 * The Graph client the bot and the CLI use. In Azure it signs in as the managed identity
 * (AZURE_CLIENT_ID names a user-assigned one); on a workstation DefaultAzureCredential also
 * accepts `az login`. Tests pass their own credential.
 */
export function createGraphClient(
  settings: Pick<GraphSettings, 'baseUrl' | 'managedIdentityClientId'>,
  choices: GraphClientChoices = {},
): GraphClient {
  const { credential, ...options } = choices;
  return new GraphClient({
    ...options,
    baseUrl: settings.baseUrl,
    credential: credential ?? createDefaultCredential(settings.managedIdentityClientId),
  });
}

export function createDefaultCredential(managedIdentityClientId: string | undefined): TokenCredential {
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}
