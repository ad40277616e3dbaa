import type { RequestView } from '../../../src/app/describeRequest';
import type { Notification } from '../../../src/app/notifications';
import type { RequestWithOutcomes } from '../../../src/domain/outcomes/outcomeTypes';
import { createCheckInCard } from '../../../src/teams/cards/checkInCard';
import { createCpdRecordCard } from '../../../src/teams/cards/cpdRecordCard';
import { createEraseDataCard } from '../../../src/teams/cards/eraseDataCard';
import { createFollowUpCard } from '../../../src/teams/cards/followUpCard';
import { createHostOutcomeCard } from '../../../src/teams/cards/hostOutcomeCard';
import { createVisitorOutcomeCard } from '../../../src/teams/cards/visitorOutcomeCard';
import { renderOutcomeNotification } from '../../../src/teams/renderOutcomeNotification';

type Json = Record<string, unknown>;
const HOSTILE =
  '**bold** [link](https://evil.example) ![img](https://evil.example/x.png) ' + 'x'.repeat(1200);

const request: RequestWithOutcomes = {
  id: '6f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  visitorId: 'v-1',
  hostId: 'h-1',
  state: 'confirmed',
  purpose: HOSTILE,
  objectives: [HOSTILE, 'Learn how discharge is planned', HOSTILE],
  start: '2025-03-18T09:00:00.000Z',
  end: '2025-03-18T13:00:00.000Z',
  history: [],
  createdAt: '2025-03-03T09:00:00.000Z',
  updatedAt: '2025-03-03T09:00:00.000Z',
};
const view = (changes: Partial<RequestWithOutcomes> = {}): RequestView => ({
  request: { ...request, ...changes },
  visitorRota: 'not_rostered',
  doneThisYear: 0,
  alternativeSlots: [],
});

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  Object.values(node).forEach((n) => walk(n, visit));
}

const cards = [
  ['check-in (visitor)', createCheckInCard(view(), 'visitor')],
  ['check-in (host)', createCheckInCard(view(), 'host')],
  [
    'visitor feedback',
    createVisitorOutcomeCard(view(), { problem: HOSTILE, previous: { doDifferently: HOSTILE } }),
  ],
  ['host feedback', createHostOutcomeCard(view(), { problem: HOSTILE })],
  ['follow-up', createFollowUpCard(view())],
  ['CPD record', createCpdRecordCard(view(), `# CPD\n${HOSTILE}`)],
] as const;

describe.each(cards)('the %s card', (_name, card) => {
  it('labels every input, and says which are required', () => {
    walk(card, (obj) => {
      if (!String(obj.type).startsWith('Input.')) return;
      expect(obj.label).toEqual(expect.any(String));
      if (obj.isRequired) {
        expect(String(obj.label)).toContain('(required)');
        expect(obj.errorMessage).toEqual(expect.any(String));
      }
    });
  });

  it('never puts typed text into markdown', () => {
    walk(card, (obj) => {
      if (obj.type === 'TextBlock') expect(String(obj.text)).not.toContain('evil.example');
    });
  });

  it('names only the visit in its buttons, with outcome_ verbs', () => {
    walk(card, (obj) => {
      if (obj.type !== 'Action.Execute') return;
      expect(String(obj.verb)).toMatch(/^outcome_/);
      expect(Object.keys(obj.data as Json).sort()).toEqual(
        expect.arrayContaining(['requestId', 'visitorId']),
      );
      expect(
        Object.keys(obj.data as Json).every((k) => ['requestId', 'visitorId', 'answer'].includes(k)),
      ).toBe(true);
    });
  });

  it('stays well within the Teams message size', () => {
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  });
});

describe('after-visit messages as cards', () => {
  const message = (kind: string, personId: string) =>
    ({ id: 'n', personId, kind, requestId: request.id, visitorId: 'v-1' }) as unknown as Notification;
  const verbs = (card: unknown) => {
    const found: string[] = [];
    walk(card, (obj) => obj.type === 'Action.Execute' && found.push(String(obj.verb)));
    return found;
  };

  it('asks the host about a no-show, but not the visitor', () => {
    const toHost = renderOutcomeNotification(message('visit_check_in', 'h-1'), view());
    expect(JSON.stringify(toHost)).toContain('The visitor did not come');
    expect(JSON.stringify(renderOutcomeNotification(message('visit_check_in', 'v-1'), view()))).not.toContain(
      'did not come',
    );
  });

  it("shows each person's own form once the visit happened, and a note once it is in", () => {
    const done = view({
      state: 'completed',
      outcomes: { host: { teamGained: 'x', wouldHostAgain: true, at: 'x' } },
    });
    expect(verbs(renderOutcomeNotification(message('visit_check_in', 'v-1'), done))).toEqual([
      'outcome_visitor',
    ]);
    expect(verbs(renderOutcomeNotification(message('visit_check_in', 'h-1'), done))).toEqual([]);
    expect(verbs(renderOutcomeNotification(message('outcome_follow_up', 'v-1'), done))).toEqual([
      'outcome_follow_up',
    ]);
    expect(
      verbs(renderOutcomeNotification(message('visit_check_in', 'v-1'), view({ state: 'no_show' }))),
    ).toEqual([]);
  });

  it('asks before erasing, with the erase button marked destructive', () => {
    const card = createEraseDataCard();
    expect(JSON.stringify(card)).toContain('cannot be undone');
    expect(card.actions?.[0]).toMatchObject({ verb: 'data_erase_confirm', style: 'destructive', data: {} });
  });
});
