import { formatCpdRecord } from '../../domain/outcomes/cpdRecord';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Person } from '../../domain/people';
import type { Services } from '../services';

export type CpdAnswer =
  { ok: true; text: string; request: RequestWithOutcomes } | { ok: false; refusal: string };

/** The visitor's CPD record of one visit: for the visitor only (the request lives in their partition). */
export async function cpdRecordFor(
  services: Services,
  visitor: Person,
  requestId: string,
): Promise<CpdAnswer> {
  const found = await services.requests.find(visitor.id, requestId);
  if (!found) return { ok: false, refusal: 'I could not find that visit among yours.' };
  const request = found.request as RequestWithOutcomes;
  const [host, offer] = await Promise.all([
    request.hostId ? services.people.findById(request.hostId) : undefined,
    request.hostId && request.offerId
      ? services.offers.find(request.hostId, request.offerId).then((f) => f?.offer)
      : undefined,
  ]);
  const text = formatCpdRecord({
    request,
    visitorName: visitor.name,
    hostName: host?.name,
    hostRole: host?.jobTitle,
    hostDepartment: offer?.department ?? host?.department,
  });
  return text
    ? { ok: true, text, request }
    : {
        ok: false,
        refusal: 'A CPD record is ready once the visit has happened and you have sent your feedback.',
      };
}
