import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { keepPromises } from '../shared/keptPromises';

/** Service URLs (Teams regions) and audiences kept; any more and the first kept goes. */
const KEPT_CONNECTORS = 100;
/** Bot app ids kept: one in practice (tokens must name this bot). */
const KEPT_TOKEN_CLIENTS = 10;

/**
 * The Bot Framework builds a new Bot Connector client and a new user token client for every
 * activity: two HTTP pipelines of policies, about a sixth of the CPU of a bare bot's turn. These
 * are the same for every activity to the same bot from the same service URL with the same
 * audience, and like any Azure SDK client they are made to be used again, so the adapter keeps
 * them: `connectorsFor` for the client a turn's replies go through, `reuseProactiveConnectors` for
 * the client of a message sent outside a turn, `reuseUserTokenClients` for the token client every
 * turn is given. They hold no data of any turn; tokens are cached (and
 * renewed) by the credentials as before.
 */
export class ReusedConnectorClients {
  private readonly connectors = keepPromises<ConnectorClient>(KEPT_CONNECTORS);

  /** The authenticated request, with a connector factory that gives each key's client again. */
  connectorsFor(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = result.connectorFactory;
    if (!made) return result;
    const factory = new ReusingConnectorFactory(made, appIdOf(result.claimsIdentity), this.connectors);
    return { ...result, connectorFactory: factory };
  }

  /**
   * Makes `authentication` give proactive messages (sent outside a turn, such as every message of a
   * fan-out) the client it made for the same bot, service URL and audience, as turns get.
   */
  reuseProactiveConnectors(authentication: BotFrameworkAuthentication): void {
    const create = authentication.createConnectorFactory.bind(authentication);
    authentication.createConnectorFactory = (claims: ClaimsIdentity) =>
      new ReusingConnectorFactory(create(claims), appIdOf(claims), this.connectors);
  }

  /** Makes `authentication` give the user token client it made for a bot app id again. */
  reuseUserTokenClients(authentication: BotFrameworkAuthentication): void {
    const create = authentication.createUserTokenClient.bind(authentication);
    const kept = keepPromises<UserTokenClient>(KEPT_TOKEN_CLIENTS);
    authentication.createUserTokenClient = (claims: ClaimsIdentity) =>
      kept(appIdOf(claims), () => create(claims));
  }
}

/** Gives the client `made` made for a service URL and audience again, for the same bot. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly made: ConnectorFactory,
    private readonly appId: string,
    private readonly kept: (key: string, make: () => Promise<ConnectorClient>) => Promise<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.kept(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.made.create(serviceUrl, audience),
    );
  }
}

/**
 * The bot app id the Bot Framework makes clients for (as its own `getAppId` does): the token's
 * audience, else its app id claim; empty for an unauthenticated request (local mode).
 */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}
