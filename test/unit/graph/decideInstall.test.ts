import type { Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import { DEFAULT_GRAPH_SETTINGS } from '../../../src/graph/graphSettings';
import {
  createUnreachableInstaller,
  decideInstall,
  MAX_ATTEMPTS_WAITING,
  retryDelayMs,
} from '../../../src/graph/installForUnreachable';

const MANAGER = 'ee000000-0000-4000-8000-000000000001';

const message = (changes: Partial<Notification> = {}): Notification => ({
  id: `approval_needed:r-1:${MANAGER}:sent`,
  personId: MANAGER,
  kind: 'approval_needed',
  requestId: 'r-1',
  visitorId: 'v-1',
  status: 'unreachable',
  attempts: 1,
  createdAt: '2026-03-02T09:00:00.000Z',
  nextAttemptAt: '2026-03-02T09:00:00.000Z',
  ...changes,
});

const manager: Person = {
  id: MANAGER,
  email: 'Grace.Okafor@trust.example.nhs.uk ',
  name: 'Grace Okafor',
  jobTitle: 'Matron',
  department: 'Medicine',
  profession: 'nursing',
  roles: ['staff'],
};

describe('decideInstall', () => {
  it('installs for someone who has never talked to the bot, by object id, with the email to find it by', () => {
    expect(decideInstall(message(), manager)).toEqual({
      install: true,
      userId: MANAGER,
      email: 'grace.okafor@trust.example.nhs.uk',
    });
  });

  it('never reinstalls for someone who removed the app', () => {
    expect(
      decideInstall(message(), {
        ...manager,
        conversation: { conversation: { id: 'a:1' } },
        unreachableSince: '2026-03-01T10:00:00.000Z',
      }),
    ).toEqual({ install: false, reason: 'removed the app' });
  });

  it('does nothing for a message that is not unreachable, or for someone not in the directory', () => {
    expect(decideInstall(message({ status: 'pending' }), manager)).toEqual({
      install: false,
      reason: 'still deliverable',
    });
    expect(decideInstall(message(), undefined)).toEqual({ install: false, reason: 'not in the directory' });
  });

  it('stops waiting for Teams after the last attempt, so the usual fallback can take over', () => {
    expect(decideInstall(message({ attempts: MAX_ATTEMPTS_WAITING - 1 }), manager).install).toBe(true);
    expect(decideInstall(message({ attempts: MAX_ATTEMPTS_WAITING }), manager)).toEqual({
      install: false,
      reason: 'waited long enough',
    });
  });

  it('waits 1, 2, 4 and 8 minutes between attempts, never more than 15', () => {
    expect([1, 2, 3, 4, 5, 12].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([
      1, 2, 4, 8, 15, 15,
    ]);
  });
});

describe('createUnreachableInstaller', () => {
  it('is there only when Graph is on and the catalogue id is set', () => {
    const catalogAppId = 'f1e2d3c4-0000-4000-8000-0000000000c1';
    expect(createUnreachableInstaller(DEFAULT_GRAPH_SETTINGS)).toBeUndefined();
    expect(createUnreachableInstaller({ ...DEFAULT_GRAPH_SETTINGS, catalogAppId })).toBeUndefined();
    expect(createUnreachableInstaller({ ...DEFAULT_GRAPH_SETTINGS, enabled: true })).toBeUndefined();
    expect(
      createUnreachableInstaller(
        { ...DEFAULT_GRAPH_SETTINGS, enabled: true, catalogAppId },
        { credential: { getToken: async () => null } },
      ),
    ).toBeInstanceOf(Function);
  });
});
