import { COVER_NOT_NEEDED } from '../../../src/app/coverStandDown';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { describeRequest } from '../../../src/app/describeRequest';
import type { Notification } from '../../../src/app/notifications';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { CoverChange, ShadowingRequest } from '../../../src/domain/requests';
import { renderNotification } from '../../../src/teams/renderNotification';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { DEMO_TODAY, personOf, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const { alex, megan, adele, lynne } = DEMO_IDS;
const REASON = 'The ward is closed to visitors that day';
const OFF = 'Adele Vance could not host this visit, so it is off.';
const chosen: CoverChange = { to: 'pending', by: megan, at: DEMO_TODAY.toISOString() };
const arrangedBy = (by: string): CoverChange => ({ ...chosen, from: 'pending', to: 'arranged', by });
const released = { timeBasis: 'work_time', releaseHours: 4, coverHours: 4 } as const;

/** How the visit's cover stood when the host declined, and the line each person then reads. */
const CASES: Array<[string, Partial<ShadowingRequest>, string, string]> = [
  ['in the visitor’s own time', { timeBasis: 'own_time' }, '', OFF],
  [
    'released, the team covering',
    {
      ...released,
      cover: 'arranged',
      coverMethod: 'within_team',
      coverHistory: [{ ...chosen, to: 'arranged' }],
    },
    ' You are no longer released from your rota.',
    `${OFF} The team no longer needs to cover the shift.`,
  ],
  [
    'released, the rota coordinator arranging cover',
    {
      ...released,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverArrangerId: lynne,
      coverHistory: [chosen],
    },
    ' You are no longer released from your rota.',
    `${OFF} I'm telling the rota coordinator the cover is no longer needed.`,
  ],
  [
    'released, the rota coordinator having arranged cover',
    {
      ...released,
      cover: 'arranged',
      coverMethod: 'rota_coordinator',
      coverArrangerId: lynne,
      coverHistory: [chosen, arrangedBy(lynne)],
    },
    ' You are no longer released from your rota.',
    `${OFF} I'm asking the rota coordinator to stand down the cover they arranged.`,
  ],
  [
    'released, the manager arranging a bank shift',
    {
      ...released,
      cover: 'pending',
      coverMethod: 'bank_or_locum',
      coverArrangerId: megan,
      coverHistory: [chosen],
    },
    ' You are no longer released from your rota.',
    `${OFF} The cover you were arranging is no longer needed: stand down anyone you booked.`,
  ],
  [
    'released, the manager having arranged a bank shift',
    {
      ...released,
      cover: 'arranged',
      coverMethod: 'bank_or_locum',
      coverArrangerId: megan,
      coverHistory: [chosen, arrangedBy(megan)],
    },
    ' You are no longer released from your rota.',
    `${OFF} The cover you arranged is no longer needed, so you can stand it down.`,
  ],
];

/**
 * The host declines: the visitor reads why, and whether they are still released; the manager reads
 * that the visit is off and what becomes of its cover, never the host's reason; whoever else is
 * arranging the cover is told to stand it down. One message each.
 */
describe.each(STORE_SUBJECTS)('what each person reads when the host declines, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slots: Slot[];
  const { filed } = stoppedMoves(() => workflow);

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    slots = (await freeMornings(workflow.services, CASES.length, DEMO_TODAY)) as Slot[];
  });
  afterAll(async () => cleanup());

  /** The text each message becomes for its recipient, by recipient. */
  async function readBy(queued: Notification[], request: ShadowingRequest) {
    const found = await workflow.services.requests.find(alex, request.id);
    const view = await describeRequest(workflow.services, found!.request);
    return queued.map((n) => [n.personId, n.kind, JSON.stringify(renderNotification(n, view))] as const);
  }

  it.each(CASES.map((c, i) => [...c, i] as const))(
    'when the visit was %s',
    async (_case, cover, visitorRelease, managerLine, i) => {
      const request = await filed('awaiting_host', slots[i]!, cover);
      const host = await personOf(workflow.services, adele);
      const result = await decideOnRequest(
        workflow.services,
        host,
        alex,
        request.id,
        {
          action: 'decline_visit',
          reason: REASON,
        },
        workflow.services.clock(),
      );
      if (!result.ok) throw new Error(result.refusal);
      const read = await readBy(await result.followUp, request);

      const [toAlex, ...moreToAlex] = read.filter(([to]) => to === alex);
      expect(moreToAlex).toEqual([]);
      expect(toAlex![2]).toContain(
        `Adele Vance could not host this visit.${visitorRelease} Their reason: \\"${REASON}\\"`,
      );

      const [toMegan, ...moreToMegan] = read.filter(([to]) => to === megan);
      expect(moreToMegan).toEqual([]);
      expect(toMegan![1]).toBe('request_update');
      expect(toMegan![2]).toContain(`"text":"${managerLine.replace(/"/g, '\\"')}"`);
      expect(toMegan![2]).not.toContain(REASON);

      const toLynne = read.filter(([to]) => to === lynne);
      if (cover.coverArrangerId === lynne) {
        expect(toLynne.map(([, kind]) => kind)).toEqual(['cover_needed']);
        expect(toLynne[0]![2]).toContain(COVER_NOT_NEEDED);
        expect(toLynne[0]![2]).not.toContain(REASON);
      } else expect(toLynne).toEqual([]);
    },
  );
});
