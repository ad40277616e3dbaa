import type { Person } from '../domain/people';
import { ExpiringCache } from '../shared/expiringCache';
import type { Versioned } from '../store/documentStore';
import type { ReadAheadStore } from '../store/readAheadStore';
import type { RecentPeople } from '../store/repositories/peopleRepository';
import type { KeptState, RecentUserState } from './botStateStorage';

/** How long this instance uses a copy of a person or of user state it read, and how many it keeps. */
export const RECENT_COPY_MS = 30_000;
export const RECENT_COPIES = 10_000;

export interface RecentCopies {
  people: RecentPeople;
  userState: RecentUserState;
}

/**
 * This instance's short-lived copies of people (to recognise who sends "my requests" or "my
 * offers") and of user state, each dropped as soon as anything of this instance writes that
 * document through `store`. See RecentPeople and RecentUserState for what a copy another instance
 * has since changed can and cannot do.
 */
export function createRecentCopies(store: ReadAheadStore, clock?: () => Date): RecentCopies {
  const options = {
    ttlMs: RECENT_COPY_MS,
    maxEntries: RECENT_COPIES,
    now: clock ? () => clock().getTime() : Date.now,
  };
  const recent = {
    people: new ExpiringCache<Versioned<Person>>(options),
    userState: new ExpiringCache<KeptState>(options),
  };
  store.onWrite((container, id) => {
    if (container === 'people') recent.people.forget(id);
    if (container === 'botstate') recent.userState.forget(id);
  });
  return recent;
}
