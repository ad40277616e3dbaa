import type { ShadowingRequest } from '../domain/requests';
import { VersionConflictError } from '../store/documentStore';
import type { Services } from './services';

/** What a person is told when someone else's click reached the request first. */
const ACTED_ON_MEANWHILE =
  'Someone else acted on this request a moment ago, so your click changed nothing. This is where it stands now.';

/**
 * Writes a decided request over the version the decision was made on. If someone else wrote it in
 * between, nothing is written and the answer says so, with the request as it stands now (undefined
 * when it is gone); undefined when the write landed.
 */
export async function writeDecidedRequest(
  services: Services,
  decided: ShadowingRequest,
  etag: string,
): Promise<{ refusal: string; latest: ShadowingRequest | undefined } | undefined> {
  try {
    await services.requests.replace(decided, etag);
    return undefined;
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const latest = await services.requests.find(decided.visitorId, decided.id);
    return { refusal: ACTED_ON_MEANWHILE, latest: latest?.request };
  }
}
