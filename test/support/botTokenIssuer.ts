import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** The issuer of tokens the Bot Framework channel sends to bots (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  aud?: string;
  iss?: string;
  serviceurl?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  [claim: string]: unknown;
}

export interface BotTokenIssuer {
  /** The OpenID configuration document, on loopback. */
  metadataUrl: string;
  /** Requests the endpoint has answered (the bot fetches the keys once and caches them). */
  requests: string[];
  /** A token signed with the published key, as the Bot Framework channel would send it. */
  sign(claims: TokenClaims): string;
  /** A token signed with a key that is not published: a forgery. */
  signWithUnknownKey(claims: TokenClaims): string;
  /** `alg: none`, no signature, but naming the published key id. */
  unsigned(claims: TokenClaims): string;
  stop(): Promise<void>;
}

const KEY_ID = 'loopback-signing-key';

/**
 * A stand-in for the Bot Framework's token issuer: an RSA key pair made for this run, its public
 * half published as a JWKS (endorsed for Teams, as Microsoft's keys are) behind an OpenID
 * configuration on 127.0.0.1.
 */
export async function startBotTokenIssuer(): Promise<BotTokenIssuer> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unknown = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const documents: Record<string, unknown> = {
      '/.well-known/openid-configuration': {
        issuer: CHANNEL_ISSUER,
        jwks_uri: `${base}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      },
      '/keys': {
        keys: [
          {
            ...published.publicKey.export({ format: 'jwk' }),
            kid: KEY_ID,
            use: 'sig',
            alg: 'RS256',
            endorsements: ['msteams'],
          },
        ],
      },
    };
    const document = documents[req.url ?? ''];
    res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const signWith = (key: KeyObject, claims: TokenClaims) => {
    const { expiresIn = 3600, ...rest } = claims;
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign(
      { iss: CHANNEL_ISSUER, nbf: now - 60, iat: now - 60, exp: now + expiresIn, ...rest },
      key,
      { algorithm: 'RS256', keyid: KEY_ID },
    );
  };

  return {
    metadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
    requests,
    sign: (claims) => signWith(published.privateKey, claims),
    signWithUnknownKey: (claims) => signWith(unknown.privateKey, claims),
    unsigned: (claims) => {
      const { expiresIn = 3600, ...rest } = claims;
      const now = Math.floor(Date.now() / 1000);
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      return `${encode({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.${encode({ iss: CHANNEL_ISSUER, iat: now, exp: now + expiresIn, ...rest })}.`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
