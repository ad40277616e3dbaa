import {
  OFFER_STEPS,
  startOfferDraft,
  startOfferEdit,
  type OfferDraft,
} from '../../../src/domain/offerDialog/offerDraft';
import type { HostOffer } from '../../../src/domain/offers';
import { createInductionTermsCard } from '../../../src/teams/cards/inductionTermsCard';
import { createMyOffersCard } from '../../../src/teams/cards/myOffersCard';
import { createOfferQuestionCard } from '../../../src/teams/cards/offerQuestionCard';
import { createOfferSummaryCard } from '../../../src/teams/cards/offerSummaryCard';
import { isOfferVerb, parseOfferPayload } from '../../../src/teams/offerCardPayloads';

type Json = Record<string, unknown>;
const NOW = new Date('2026-11-22T10:00:00Z');
const LONG = 'x'.repeat(1000);

const offer: HostOffer = {
  id: '3f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  hostId: 'host-lynne',
  title: 'T'.repeat(100),
  description: LONG,
  profession: 'ahp',
  department: 'Physiotherapy',
  setting: 'theatre',
  sessions: [{ weekday: 'tue', part: 'am' }],
  capacityPerWeek: 2,
  capacityPerMonth: 6,
  openTo: [],
  prerequisites: 'p'.repeat(500),
  meetingPoint: 'm'.repeat(300),
  status: 'paused',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  Object.values(node).forEach((n) => walk(n, visit));
}

const draft: OfferDraft = {
  ...startOfferEdit(offer, { profession: 'ahp', department: 'Physiotherapy' }, NOW),
  editing: true,
};
const cards = [
  ...OFFER_STEPS.filter((s) => s !== 'summary').map(
    (step) =>
      [
        `question ${step}`,
        createOfferQuestionCard(
          { kind: 'ask', step, problem: LONG },
          step === 'title' ? startOfferDraft(draft.defaults, NOW) : draft,
        ),
      ] as const,
  ),
  ['summary', createOfferSummaryCard(draft, LONG)] as const,
  [
    'induction terms',
    createInductionTermsCard({ id: offer.id, title: offer.title, setting: 'critical_care' }),
  ] as const,
  [
    'my offers',
    createMyOffersCard(
      Array.from({ length: 10 }, (_, i) => ({
        ...offer,
        id: `demo-offer-${i}`,
        status: i % 2 ? 'active' : 'paused',
      })),
    ),
  ] as const,
];

describe.each(cards)('the %s card', (_name, card) => {
  it('labels every input', () => {
    walk(card, (obj) => {
      if (String(obj.type).startsWith('Input.')) expect(obj.label).toEqual(expect.any(String));
    });
  });

  it('sends only payloads the bot will accept', () => {
    walk(card, (obj) => {
      if (obj.type !== 'Action.Submit') return;
      const data: Json = { ...(obj.data as Json), answer: 'typed answer' };
      expect(isOfferVerb(data.verb)).toBe(true);
      if (isOfferVerb(data.verb)) expect(parseOfferPayload(data.verb, data)).toBeDefined();
    });
  });

  it('stays well under the Teams message size limit with the longest answers', () => {
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });
});

describe('my offers', () => {
  it('offers Pause for an open offer and Resume for a paused one', () => {
    const titles = (o: HostOffer) => {
      const found: string[] = [];
      walk(createMyOffersCard([o]), (obj) => obj.type === 'Action.Submit' && found.push(String(obj.title)));
      return found;
    };
    expect(titles({ ...offer, status: 'active' })).toEqual(['Change', 'Pause', 'New offer']);
    expect(titles({ ...offer, status: 'paused' })).toEqual(['Change', 'Resume', 'New offer']);
  });

  it('offers to accept the induction terms, not Resume, for an imported offer waiting for them', () => {
    const found: string[] = [];
    const card = createMyOffersCard([{ ...offer, status: 'paused', awaitingInduction: true }]);
    walk(card, (obj) => obj.type === 'Action.Submit' && found.push(String(obj.title)));
    expect(found).toEqual(['Change', 'Accept the induction terms', 'New offer']);
    expect(JSON.stringify(card)).toContain('Paused until you accept the induction terms');
  });
});
