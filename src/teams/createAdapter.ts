import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotCredentials } from '../config/config';

/**
 * The Bot Framework adapter. Without credentials it accepts unauthenticated requests, which is
 * why the service then binds to loopback only (see config).
 */
export function createAdapter(credentials?: BotCredentials): TeamsAdapter {
  const factory = new ConfigurationServiceClientCredentialFactory(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppType: credentials.appType,
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  return new TeamsAdapter({}, factory);
}
