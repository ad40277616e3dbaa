import { cloneJson } from '../../shared/cloneJson';
import type { ShadowingRequest } from '../../domain/requests';
import type { Person } from '../../domain/people';
import type { ContainerName } from '../../store/containers';
import { describeRequest, type DescribeOptions, type RequestView } from '../describeRequest';
import type { Services } from '../services';

/** How long what a request's card shows is used for further messages about the same request. */
export const REQUEST_VIEW_KEEP_MS = 1_000;
/** Requests whose card is kept at once, at most; the oldest goes first. */
export const REQUEST_VIEWS_KEPT = 32;
/** The containers a request's card is drawn from: a write to any of them by this instance drops every copy. */
const DRAWN_FROM: ReadonlySet<ContainerName> = new Set(['people', 'offers', 'requests', 'rota']);

/** Where this instance's own writes can be heard (the service's ReadAheadStore). */
export interface WriteSource {
  onWrite(listener: (container: ContainerName) => void): void;
}

interface Kept {
  /** The request exactly as it was when its card was described. */
  asRead: string;
  describedAt: number;
  view: Promise<RequestView>;
}

/**
 * What a card about a request shows (its people, offer, the visitor's other requests and rota),
 * described once for the messages about that request sent within REQUEST_VIEW_KEEP_MS of each
 * other: a fan-out tells hundreds of people about one request, and each message read the same
 * eight documents again. Used only for a request exactly as it was just read afresh for the send
 * (any change to it, such as a cancellation, describes it again), never for a card that offers
 * the host other times, and dropped as soon as this instance writes a person, offer, request or rota. A
 * copy decides nothing: it only words a card. The recipient, read afresh for the send, is shown
 * as read.
 */
export class RecentRequestViews {
  private readonly kept = new Map<string, Kept>();

  constructor(
    writes?: WriteSource,
    private readonly now: () => number = () => performance.now(),
  ) {
    writes?.onWrite((container) => {
      if (DRAWN_FROM.has(container)) this.kept.clear();
    });
  }

  async describe(
    services: Services,
    request: ShadowingRequest,
    options: DescribeOptions = {},
  ): Promise<RequestView> {
    // The host's other free times depend on everything booked meanwhile: always read afresh.
    if (options.withAlternatives) return describeRequest(services, request, options);
    const { withHistory = true } = options;
    const known = options.known ?? [];
    const key = `${request.id}\n${withHistory ? 'with history' : 'without'}`;
    const asRead = JSON.stringify(request);
    const now = this.now();
    const held = this.kept.get(key);
    if (held && held.asRead === asRead && now - held.describedAt < REQUEST_VIEW_KEEP_MS)
      return withKnown(cloneJson(await held.view), request, known);
    const view = describeRequest(services, request, { withHistory, known });
    const kept: Kept = { asRead, describedAt: now, view };
    this.kept.delete(key);
    this.kept.set(key, kept);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= REQUEST_VIEWS_KEPT) break;
      this.kept.delete(oldest);
    }
    // A failed description is not kept: the next message reads again.
    view.catch(() => {
      if (this.kept.get(key) === kept) this.kept.delete(key);
    });
    return cloneJson(await view);
  }

  /** How many requests' cards are kept now. */
  get size(): number {
    return this.kept.size;
  }
}

/** The view with this send's request, and any of its people the sender has just read as read. */
function withKnown(view: RequestView, request: ShadowingRequest, known: readonly Person[]): RequestView {
  const fresh = (person: Person) => known.find((p) => p.id === person.id) ?? person;
  return {
    ...view,
    request,
    ...(view.visitor ? { visitor: fresh(view.visitor) } : {}),
    ...(view.manager ? { manager: fresh(view.manager) } : {}),
    ...(view.host ? { host: fresh(view.host) } : {}),
  };
}
