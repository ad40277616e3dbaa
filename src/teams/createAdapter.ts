import {
  CallerIdConstants,
  type CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotCredentials } from '../config/config';
import { checkTenant } from '../http/checkTenant';
import type { Logger } from '../logging/logger';
import { createConnectorHttpClient } from './connectorHttpClient';
import { ReusedConnectorClients } from './reusedConnectorClients';

type Logic = (context: TurnContext) => Promise<void>;
type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;
/** Makes the credentials the bot uses for its own calls to the Bot Connector (replies, proactive messages). */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof TeamsAdapter>[1]>;

export interface AdapterOptions {
  /** Entra ID tenants whose activities are served. Missing or empty: every tenant. */
  allowedTenantIds?: readonly string[];
  logger?: Logger;
  /**
   * Where the signing keys of inbound tokens are published. Tests only (a loopback OpenID
   * configuration); it is never read from settings, so a deployment always uses Microsoft's.
   */
  openIdMetadataUrl?: string;
  /** Tests only: credentials for the bot's outbound calls in place of those from `credentials`. */
  credentialsFactory?: CredentialsFactory;
}

/**
 * The Bot Framework adapter. With credentials, every inbound activity must carry a Bot Framework
 * token signed by Microsoft for this bot (audience = app id, issuer, expiry, service URL and
 * channel endorsement all checked); anything else gets 401 and reaches no handler. With an
 * allow-list, an authenticated activity from another tenant gets 403. Without credentials it
 * accepts unauthenticated requests, which is why the service then binds to loopback only (see config).
 */
export function createAdapter(credentials?: BotCredentials, options: AdapterOptions = {}): TeamsAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = credentials
    ? {
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.appPassword,
        MicrosoftAppType: credentials.appType,
        MicrosoftAppTenantId: credentials.tenantId,
      }
    : {};
  if (options.openIdMetadataUrl) Object.assign(settings, publicCloudWithKeysFrom(options.openIdMetadataUrl));
  const factory = options.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(settings);
  return new CheckedTeamsAdapter(settings, factory, options);
}

/**
 * Once any endpoint is overridden the Bot Framework expects all of them, so the public cloud's
 * values are spelt out and only where the signing keys come from changes.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

const REFUSALS = {
  401: { code: 'Unauthorized', message: 'The request is not authorised.' },
  403: { code: 'Forbidden', message: 'This bot does not serve your organisation.' },
  503: {
    code: 'ServiceUnavailable',
    message: 'The request could not be authenticated just now. Try again shortly.',
  },
} as const;

/**
 * A TeamsAdapter that authenticates first, then checks the tenant, and only then runs the turn,
 * with the Bot Connector clients of earlier turns (see ReusedConnectorClients).
 */
class CheckedTeamsAdapter extends TeamsAdapter {
  private readonly clients = new ReusedConnectorClients();

  constructor(
    settings: ConfigurationBotFrameworkAuthenticationOptions,
    factory: CredentialsFactory,
    private readonly checks: AdapterOptions,
  ) {
    super(settings, factory, undefined, { httpClient: createConnectorHttpClient() });
    this.clients.reuseUserTokenClients(this.botFrameworkAuthentication);
    this.clients.reuseProactiveConnectors(this.botFrameworkAuthentication);
  }

  protected override processActivity(
    authHeader: string,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined>;
  protected override processActivity(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined>;
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      return this.refuse(authFailureStatus(error), activity, describeFailure(error));
    }
    const tenant = checkTenant(activity, this.checks.allowedTenantIds);
    if (!tenant.allowed) return this.refuse(403, activity, tenant.reason);
    return super.processActivity(this.clients.connectorsFor(result), activity, logic);
  }

  /** The refusal goes back as the response (no stack trace on the console); the log has ids only. */
  private refuse(status: keyof typeof REFUSALS, activity: Activity, reason: string): InvokeResponse {
    const fields = { activityId: activity.id, channelId: activity.channelId, status, reason };
    if (status === 503) this.checks.logger?.error(fields, 'could not check the token on an activity');
    else this.checks.logger?.warn(fields, 'refused an activity');
    return { status, body: REFUSALS[status] };
  }
}

/** A failure to fetch Microsoft's signing keys is ours, not the caller's: 503, not 401. */
function authFailureStatus(error: unknown): 401 | 503 {
  const statusCode = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 500 ? 503 : 401;
}

/** The library's reason (e.g. "jwt expired", "Unauthorized. Invalid AppId passed on token: <id>"): ids, never the token. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[token]').slice(0, 200);
}
