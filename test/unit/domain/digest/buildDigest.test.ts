import { buildDigest, type DigestReader } from '../../../../src/domain/digest/buildDigest';
import type { DigestContent, DigestSection, VisitList } from '../../../../src/domain/digest/digestTypes';
import { EXCHANGES, NOW, PEOPLE, REQUESTS, WEEK, world } from '../../../support/digestFixtures';

function reader(id: string, isProgrammeLead = false): DigestReader {
  return { id, name: PEOPLE.find((p) => p.id === id)?.name ?? id, isProgrammeLead };
}

function digestFor(id: string, isProgrammeLead = false): DigestContent | undefined {
  return buildDigest(reader(id, isProgrammeLead), { week: WEEK, now: NOW, world: world() });
}

const ids = (list: VisitList) => list.lines.map((l) => l.requestId);

/** Every request id a digest mentions, by role and list. */
function mentioned(content: DigestContent | undefined): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const section of content?.sections ?? []) Object.assign(found, listsOf(section));
  return found;
}

function listsOf(section: DigestSection): Record<string, string[]> {
  switch (section.role) {
    case 'manager':
      return { approvalsWaiting: ids(section.approvalsWaiting), teamVisits: ids(section.teamVisits) };
    case 'host':
      return {
        visitorsThisWeek: ids(section.visitorsThisWeek),
        requestsWaiting: ids(section.requestsWaiting),
      };
    case 'visitor':
      return { upcomingVisits: ids(section.upcomingVisits), feedbackDue: ids(section.feedbackDue) };
    case 'programme_lead':
      return { organisation: [] };
  }
}

describe('each role sees its own part, and nothing else', () => {
  it.each([
    [
      'Megan, manager of Alex and Dana',
      'megan',
      { approvalsWaiting: ['r-alex-lynne'], teamVisits: ['r-alex-adele'] },
    ],
    ['Mary, manager of Bob and Carl', 'mary', { approvalsWaiting: [], teamVisits: ['r-bob-lynne'] }],
    ['Adele, host', 'adele', { visitorsThisWeek: ['r-alex-adele'], requestsWaiting: ['r-bob-adele'] }],
    [
      "Lynne, host: not Alex's request, still with his manager",
      'lynne',
      { visitorsThisWeek: ['r-bob-lynne'], requestsWaiting: [] },
    ],
    ['Alex, visitor', 'alex', { upcomingVisits: ['r-alex-adele'], feedbackDue: ['r-alex-done'] }],
    ['Bob, visitor with a visit this week', 'bob', { upcomingVisits: ['r-bob-lynne'], feedbackDue: [] }],
    [
      'Carl, visitor with a visit in three weeks',
      'carl',
      { upcomingVisits: ['r-carl-lynne'], feedbackDue: [] },
    ],
  ])('%s', (_name, id, expected) => {
    expect(mentioned(digestFor(id))).toEqual(expected);
  });

  it.each([
    ['Isaiah: a manager whose team has nothing on', 'isaiah'],
    ['Dana: feedback already given, nothing booked', 'dana'],
    ['Patti without the programme lead role', 'patti'],
    ['someone not in the directory at all', 'stranger'],
  ])('nothing to say, so no digest: %s', (_name, id) => {
    expect(digestFor(id)).toBeUndefined();
  });

  it('a programme lead with an empty organisation gets no digest', () => {
    expect(
      buildDigest(reader('patti', true), {
        week: WEEK,
        now: NOW,
        world: world({ requests: [], exchanges: [] }),
      }),
    ).toBeUndefined();
  });

  it("a manager's digest names only their own team's visitors", () => {
    const text = JSON.stringify(digestFor('megan'));
    expect(text).toContain('Alex Wilber');
    expect(text).not.toContain('Bob');
    expect(text).not.toContain('Carl');
    const mary = JSON.stringify(digestFor('mary'));
    expect(mary).toContain('Bob Other-Team');
    expect(mary).not.toContain('Alex');
  });

  it("a host's digest never shows another host's visitors", () => {
    const lynne = JSON.stringify(digestFor('lynne'));
    expect(lynne).not.toContain('Alex');
    expect(lynne).not.toContain('r-alex');
    expect(lynne).not.toContain('Carl'); // Carl comes to Lynne, but not this week
    const adele = JSON.stringify(digestFor('adele'));
    expect(adele).not.toContain('r-bob-lynne');
  });

  it.each([
    ['with offer titles', REQUESTS],
    ['without offer titles', REQUESTS.map(({ offerTitle: _title, ...rest }) => rest)],
  ])('no digest carries anything a visitor wrote (%s)', (_name, requests) => {
    for (const { id } of PEOPLE) {
      const digest = buildDigest(reader(id, id === 'patti'), {
        week: WEEK,
        now: NOW,
        world: world({ requests }),
      });
      expect(JSON.stringify(digest ?? {})).not.toMatch(/PRIVATE-/);
    }
  });

  it("a programme lead's digest holds aggregates and top hosts, and no visitor's name", () => {
    const digest = digestFor('patti', true);
    expect(digest?.sections.map((s) => s.role)).toEqual(['programme_lead']);
    const text = JSON.stringify(digest);
    for (const visitor of ['Alex', 'Bob', 'Carl', 'Dana']) expect(text).not.toContain(visitor);
    expect(text).not.toContain('requestId');
  });

  it('says how long an approval has waited, in working days', () => {
    const section = digestFor('megan')?.sections[0];
    expect(section?.role === 'manager' && section.approvalsWaiting.lines[0]).toMatchObject({
      personName: 'Alex Wilber',
      title: 'Physio on the stroke unit',
      when: 'Thu 19 Mar, 09:00-13:00',
      waitingDays: 6,
    });
  });

  it('a person with several roles gets one digest with a section for each', () => {
    const both = buildDigest(reader('adele', true), { week: WEEK, now: NOW, world: world() });
    expect(both?.sections.map((s) => s.role)).toEqual(['host', 'programme_lead']);
    expect(both).toMatchObject({ week: '2026-W10', personId: 'adele', weekStarting: 'Mon 2 Mar' });
  });

  it('a visitor is not asked for feedback after saying the visit did not happen', () => {
    const requests = REQUESTS.map((r) =>
      r.id === 'r-alex-done'
        ? {
            ...r,
            outcomes: { checkIn: { answer: 'no_show' as const, by: 'lynne', at: '2026-02-24T15:00:00Z' } },
          }
        : r,
    );
    const digest = buildDigest(reader('alex'), { week: WEEK, now: NOW, world: world({ requests }) });
    expect(mentioned(digest).feedbackDue).toEqual([]);
  });

  it('a long list shows ten lines and the total', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      ...REQUESTS[2]!,
      id: `r-many-${String(i).padStart(2, '0')}`,
    }));
    const digest = buildDigest(reader('adele'), {
      week: WEEK,
      now: NOW,
      world: world({ requests: many, exchanges: EXCHANGES }),
    });
    const host = digest?.sections[0];
    expect(host?.role === 'host' && [host.requestsWaiting.lines.length, host.requestsWaiting.total]).toEqual([
      10, 13,
    ]);
  });
});

describe("the programme lead's figures", () => {
  const lead = () => {
    const section = digestFor('patti', true)?.sections[0];
    if (section?.role !== 'programme_lead') throw new Error('expected a programme lead section');
    return section.organisation;
  };

  it('covers last week, compared with the week before', () => {
    const summary = lead();
    expect(summary.periodLabel).toBe('Mon 23 Feb to Sun 1 Mar');
    expect(summary.figures).toEqual({
      requests: 0,
      confirmations: 3,
      completions: 2,
      noShows: 0,
      hours: 7.5,
      medianDaysToArrange: 5,
      crossProfessionShare: 0.5,
      objectives: { met: 2, partly: 1, not_met: 0 },
      reciprocalPairs: 0,
    });
    expect(summary.previous).toMatchObject({
      requests: 3,
      completions: 1,
      hours: 8,
      objectives: { met: 0, partly: 0, not_met: 1 },
    });
  });

  it('charts six weeks of completed visits, oldest first', () => {
    expect(lead().chart.bars).toEqual([
      { label: 'w/c 19 Jan', value: 0 },
      { label: 'w/c 26 Jan', value: 0 },
      { label: 'w/c 2 Feb', value: 0 },
      { label: 'w/c 9 Feb', value: 0 },
      { label: 'w/c 16 Feb', value: 1 },
      { label: 'w/c 23 Feb', value: 2 },
    ]);
  });

  it('lists requests stuck for five working days or more, by stage, and the top hosts', () => {
    expect(lead().bottlenecks).toEqual([{ stage: 'awaiting_manager', count: 1, longestWorkingDays: 6 }]);
    expect(lead().topHosts).toEqual([
      { hostId: 'adele', name: 'Adele Vance', department: 'Discharge Team', visits: 2 },
    ]);
  });
});
