import type { RequestView } from '../../../src/app/describeRequest';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { CoverChange, ShadowingRequest } from '../../../src/domain/requests';
import { createCoverStatusCard } from '../../../src/teams/cards/coverRequestCard';
import { createManagerApprovalCard } from '../../../src/teams/cards/managerApprovalCard';
import { createRequestStatusCard } from '../../../src/teams/cards/requestStatusCard';
import { newNotification } from '../../../src/app/notifyParties';
import { renderNotification } from '../../../src/teams/renderNotification';
import { requestInState } from '../../support/requestInState';

const SLOT = { start: '2027-03-09T09:00:00.000Z', end: '2027-03-09T13:00:00.000Z' };
const NOW = new Date('2027-03-01T10:00:00Z');
const { megan, lynne, patti } = DEMO_IDS;

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const chosen: CoverChange = { to: 'pending', by: megan, at: at(0) };
/** The service handing on cover whose arranger's data was erased (see handOnErasedArrangersCover). */
const handedOn: CoverChange = { from: 'pending', to: 'pending', by: 'system', at: at(1), reason: 'gone' };
const arrangedBy = (by: string): CoverChange => ({ from: 'pending', to: 'arranged', by, at: at(2) });

/** Alex's confirmed visit in work time, 4 hours to cover, as `cover` leaves it. */
function view(cover: Partial<ShadowingRequest>): RequestView {
  const request: ShadowingRequest = {
    ...requestInState('confirmed', SLOT, SLOT, NOW),
    timeBasis: 'work_time',
    releaseHours: 4,
    coverHours: 4,
    coverMethod: 'rota_coordinator',
    ...cover,
  };
  return { request, visitorRota: 'rostered_on', doneThisYear: 0, alternativeSlots: [] };
}

/** The value of the fact titled `title` on a card, as the card shows it. */
const fact = (card: unknown, title: string) =>
  new RegExp(`"title":"${title}","value":"([^"]*)"`).exec(JSON.stringify(card))?.[1];

/** The manager's answer card, her status card, and the arranger's cover card: each one's Cover line. */
const coverLines = (v: RequestView) => [
  fact(createManagerApprovalCard(v), 'Cover'),
  fact(createRequestStatusCard(v, undefined, 'manager'), 'Cover'),
  fact(createCoverStatusCard(v), 'Cover'),
];

describe('the Cover line says who arranged the cover, not how it was first to be arranged', () => {
  it.each<[string, Partial<ShadowingRequest>, string, string]>([
    [
      'the rota coordinator arranged it',
      { cover: 'arranged', coverArrangerId: lynne, coverHistory: [chosen, arrangedBy(lynne)] },
      'Arranged by the rota coordinator.',
      'Arranged by the rota coordinator',
    ],
    [
      'the rota coordinator arranged it, and was erased since',
      { cover: 'arranged', coverArrangerId: 'erased', coverHistory: [chosen, arrangedBy('erased')] },
      'Arranged by the rota coordinator.',
      'Arranged by the rota coordinator',
    ],
    [
      'the manager arranged it once the rota coordinator was erased',
      { cover: 'arranged', coverArrangerId: megan, coverHistory: [chosen, handedOn, arrangedBy(megan)] },
      'Arranged by the manager.',
      'Arranged by your manager',
    ],
    [
      'the manager arranged it, no rota coordinator being known or reachable',
      { cover: 'arranged', coverArrangerId: megan, coverHistory: [chosen, arrangedBy(megan)] },
      'Arranged by the manager.',
      'Arranged by your manager',
    ],
    [
      'a programme lead arranged it, the arranger erased and no manager left',
      { cover: 'arranged', managerId: 'erased', coverHistory: [chosen, handedOn, arrangedBy(patti)] },
      'Arranged by a programme lead.',
      'Arranged by a programme lead',
    ],
    [
      'the manager is arranging a bank or locum shift herself',
      { cover: 'pending', coverMethod: 'bank_or_locum', coverArrangerId: megan, coverHistory: [chosen] },
      'Being arranged by the manager (bank or locum shift).',
      'Being arranged by your manager',
    ],
    [
      'the team covers it',
      { cover: 'arranged', coverMethod: 'within_team', coverHistory: [{ ...chosen, to: 'arranged' }] },
      'Covered within the team.',
      'Arranged',
    ],
    [
      'cover failed and a programme lead released the visitor without it',
      {
        cover: 'failed',
        releasedWithoutCover: true,
        coverArrangerId: lynne,
        coverHistory: [
          chosen,
          { from: 'pending', to: 'failed', by: lynne, at: at(2), reason: 'Nobody free' },
          { from: 'failed', to: 'failed', by: patti, at: at(3), reason: 'Released without cover' },
        ],
      },
      'Could not be arranged by the rota coordinator. A programme lead released them without it.',
      'Could not be arranged: a programme lead released you without it',
    ],
  ])('when %s', (_case, cover, line, visitorLine) => {
    const v = view(cover);
    expect(coverLines(v)).toEqual([line, line, line]);
    expect(fact(createRequestStatusCard(v, undefined, 'visitor'), 'Cover for your shift')).toBe(visitorLine);
    for (const card of [createManagerApprovalCard(v), createCoverStatusCard(v)])
      expect(JSON.stringify(card)).not.toContain('to arrange:');
  });
});

describe('the Cover line on the card of whoever arranged the cover says "you"', () => {
  const failedBy = (by: string): CoverChange => ({
    from: 'pending',
    to: 'failed',
    by,
    at: at(2),
    reason: 'Nobody',
  });
  const releasedBy = (by: string): CoverChange => ({ from: 'failed', to: 'failed', by, at: at(3) });

  it.each<[string, Partial<ShadowingRequest>, string, string, string]>([
    [
      'the rota coordinator arranged it',
      { cover: 'arranged', coverArrangerId: lynne, coverHistory: [chosen, arrangedBy(lynne)] },
      lynne,
      'Arranged by you.',
      'Arranged by the rota coordinator.',
    ],
    [
      'the manager arranged it',
      { cover: 'arranged', coverArrangerId: megan, coverHistory: [chosen, arrangedBy(megan)] },
      megan,
      'Arranged by you.',
      'Arranged by the manager.',
    ],
    [
      'the manager is arranging a bank or locum shift herself',
      { cover: 'pending', coverMethod: 'bank_or_locum', coverArrangerId: megan, coverHistory: [chosen] },
      megan,
      'Being arranged by you (bank or locum shift).',
      'Being arranged by the manager (bank or locum shift).',
    ],
    [
      'the rota coordinator could not arrange it',
      { cover: 'failed', coverArrangerId: lynne, coverHistory: [chosen, failedBy(lynne)] },
      lynne,
      'Could not be arranged by you.',
      'Could not be arranged by the rota coordinator.',
    ],
    [
      'a programme lead released the visitor without it',
      {
        cover: 'failed',
        releasedWithoutCover: true,
        coverArrangerId: lynne,
        coverHistory: [chosen, failedBy(lynne), releasedBy(patti)],
      },
      patti,
      'Could not be arranged by the rota coordinator. You released them without it.',
      'Could not be arranged by the rota coordinator. A programme lead released them without it.',
    ],
  ])('when %s', (_case, cover, arranger, ownLine, othersLine) => {
    const v = view(cover);
    expect(coverLines({ ...v, readerId: arranger })).toEqual([ownLine, ownLine, ownLine]);
    const someoneElse = arranger === megan ? lynne : megan;
    expect(coverLines({ ...v, readerId: someoneElse })).toEqual([othersLine, othersLine, othersLine]);
    expect(coverLines(v)).toEqual([othersLine, othersLine, othersLine]);
  });

  it('says "you" on a message drawn for the arranger, and only on hers', () => {
    const v = view({ cover: 'arranged', coverArrangerId: lynne, coverHistory: [chosen, arrangedBy(lynne)] });
    const drawnFor = (personId: string, kind: 'cover_needed' | 'request_update') =>
      fact(renderNotification(newNotification(kind, v.request, personId, 'step', NOW), v), 'Cover');
    expect(drawnFor(lynne, 'cover_needed')).toBe('Arranged by you.');
    expect(drawnFor(megan, 'request_update')).toBe('Arranged by the rota coordinator.');
  });
});
