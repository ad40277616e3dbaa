import type { Shift } from '../domain/rota';
import { ExpiringCache } from '../shared/expiringCache';
import type { ContainerName } from '../store/containers';
import { holdsWithin, ledgerId, type HoldsRepository } from '../store/repositories/holdsRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import {
  rotaDocumentId,
  rotaMonthsFor,
  shiftsWithin,
  type RotaRepository,
} from '../store/repositories/rotaRepository';

/** How long the host search uses what it read, and how many documents it keeps at most. */
export const SEARCH_READS_KEEP_MS = 10_000;
export const SEARCH_READS_KEPT = 5_000;

/** Where this instance's own writes can be heard (the service's ReadAheadStore). */
export interface SearchWriteSource {
  onWrite(listener: (container: ContainerName, id: string, partitionKey: string) => void): void;
}

/** What the host search reads, as the host finder asks for it. */
export interface SearchSources {
  rota: Pick<RotaRepository, 'shiftsBetween'>;
  holds: Pick<HoldsRepository, 'holdsAround'>;
  requests: Pick<RequestsRepository, 'listOpenForVisitor'>;
  people: Pick<PeopleRepository, 'findById'>;
}

/** The repositories a cache miss reads from. */
export interface SearchRepositories {
  rota: Pick<RotaRepository, 'readMonths'>;
  holds: Pick<HoldsRepository, 'readHolds'>;
  requests: Pick<RequestsRepository, 'listOpenForVisitor'>;
  people: Pick<PeopleRepository, 'findById'>;
}

type Kept = Promise<unknown>;

/**
 * This instance's recent copies of what host searches read: rota months, an offer's places, a
 * visitor's open requests and hosts' names, each kept SEARCH_READS_KEEP_MS after it was read, so
 * searches of the same people within seconds (a visitor going back and forth, many visitors
 * finding the same hosts) do not read them again. A document is dropped as soon as this instance
 * writes it (a visitor's open requests: any of their requests); another instance's write is seen
 * once the copy expires.
 *
 * Only for finding hosts and showing their free times: what a search shows is advice. Nothing
 * here decides anything. Sending a request checks the clash rules against rotas, places and
 * requests read afresh (sendRequest), and so do the manager's approval and the host's acceptance;
 * "other times" for one host and a typed time are also checked afresh.
 */
export class RecentSearchReads {
  private readonly kept: ExpiringCache<Kept>;

  constructor(writes: SearchWriteSource, now?: () => number) {
    this.kept = new ExpiringCache<Kept>({
      ttlMs: SEARCH_READS_KEEP_MS,
      maxEntries: SEARCH_READS_KEPT,
      ...(now ? { now } : {}),
    });
    writes.onWrite((container, id, partitionKey) => {
      this.kept.forget(documentKey(container, partitionKey, id));
      if (container === 'requests') this.kept.forget(openRequestsKey(partitionKey));
    });
  }

  /** How many documents (and visitors' open requests) are kept now. */
  get size(): number {
    return this.kept.size;
  }

  /** The search's reads through these copies, reading what is not kept from `repositories`. */
  sourcesFor(repositories: SearchRepositories): SearchSources {
    return {
      rota: { shiftsBetween: (personId, from, to) => this.shiftsBetween(repositories, personId, from, to) },
      holds: {
        holdsAround: async (hostId, offerId, instantIso, untilIso) =>
          holdsWithin(
            await this.keep(documentKey('tasks', hostId, ledgerId(offerId)), () =>
              repositories.holds.readHolds(hostId, offerId),
            ),
            instantIso,
            untilIso,
          ),
      },
      requests: {
        listOpenForVisitor: async (visitorId) => [
          ...(await this.keep(openRequestsKey(visitorId), () =>
            repositories.requests.listOpenForVisitor(visitorId),
          )),
        ],
      },
      people: {
        findById: (id) => this.keep(documentKey('people', id, id), () => repositories.people.findById(id)),
      },
    };
  }

  /** A person's shifts over a range, from their kept months and one read of the months not kept. */
  private async shiftsBetween(
    repositories: SearchRepositories,
    personId: string,
    from: Date,
    to: Date,
  ): Promise<Shift[]> {
    const months = rotaMonthsFor(from, to);
    if (months.length === 0) return [];
    const keyOf = (month: string) => documentKey('rota', personId, rotaDocumentId(personId, month));
    const pending = new Map(months.map((month) => [month, this.kept.get(keyOf(month)) as Kept | undefined]));
    const missing = months.filter((month) => !pending.get(month));
    if (missing.length > 0) {
      const started = this.kept.startRead();
      const read = repositories.rota.readMonths(personId, missing);
      for (const month of missing) {
        const one = read.then((found) => deepFreeze(found.get(month) ?? []));
        pending.set(month, one);
        this.hold(keyOf(month), one, started);
      }
    }
    const shifts = (await Promise.all(months.map((month) => pending.get(month) as Promise<Shift[]>))).flat();
    return shiftsWithin(shifts, from, to);
  }

  /** The kept answer for `key`, or `read`'s, kept from now on. */
  private keep<T>(key: string, read: () => Promise<T>): Promise<T> {
    const held = this.kept.get(key) as Promise<T> | undefined;
    if (held) return held;
    const started = this.kept.startRead();
    const reading = read().then(deepFreeze);
    this.hold(key, reading, started);
    return reading;
  }

  /** Keeps a read under way; a read that fails is not kept, so the next search reads again. */
  private hold(key: string, reading: Kept, started: number): void {
    this.kept.set(key, reading, started);
    reading.catch(() => this.kept.drop(key, reading));
  }
}

function documentKey(container: ContainerName, partitionKey: string, id: string): string {
  return `${container}\n${partitionKey}\n${id}`;
}

function openRequestsKey(visitorId: string): string {
  return `open requests\n${visitorId}`;
}

/** The value, frozen all the way down, so that no reader can change what the next one is given. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
