import { DateTime } from 'luxon';
import { buildDemoOrganisation } from '../../../src/demo/demoOrganisation';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { HISTORY_MONTHS } from '../../../src/demo/demoHistory';
import { COVER_METHODS, COVER_STATUSES, estimateCover } from '../../../src/domain/cover/coverMethods';
import { rateFor } from '../../../src/domain/cover/coverRates';
import { DEFAULT_COVER_RATES } from '../../../src/domain/cover/defaultCoverRates';
import { readCover } from '../../../src/domain/cover/readCover';
import { readRelease } from '../../../src/domain/outcomes/exchangeRecord';
import { readGrade } from '../../../src/domain/grades';
import { countReciprocalPairs } from '../../../src/domain/relationships/reciprocalPairs';
import { TRANSITIONS } from '../../../src/domain/workflow/transitions';
import { PLAYGROUND_USERS } from '../../../scripts/playground/playgroundUsers';

const TODAY = new Date('2026-12-06T10:00:00Z');
const organisation = buildDemoOrganisation(TODAY);
const { requests, exchanges } = organisation.history;
const END_STATES = [
  'completed',
  'no_show',
  'declined_by_manager',
  'declined_by_host',
  'cancelled',
  'expired',
];

describe('the demo Trust’s six months of history', () => {
  it('has about forty past requests in every end state', () => {
    expect(requests.length).toBeGreaterThanOrEqual(36);
    expect(requests.length).toBeLessThanOrEqual(45);
    for (const state of END_STATES)
      expect(requests.filter((r) => r.state === state).length).toBeGreaterThan(0);
    expect(new Set(requests.map((r) => r.state))).toEqual(new Set(END_STATES));
  });

  it('places every visit in the six months before this month, each at one of the offer’s sessions', () => {
    const thisMonth = DateTime.fromJSDate(TODAY, { zone: 'Europe/London' }).startOf('month');
    const first = thisMonth.minus({ months: HISTORY_MONTHS });
    for (const request of requests) {
      const start = DateTime.fromISO(request.start as string, { zone: 'Europe/London' });
      expect(start >= first && start < thisMonth).toBe(true);
      expect(Date.parse(request.history.at(-1)!.at)).toBeLessThan(TODAY.getTime());
    }
    const months = new Set(requests.map((r) => (r.start as string).slice(0, 7)));
    expect(months.size).toBe(HISTORY_MONTHS);
  });

  it('follows the workflow: each step allowed from the state before, by someone who may take it', () => {
    for (const request of requests) {
      let state = 'draft';
      for (const step of request.history) {
        expect(step.from).toBe(state);
        const rule = Object.values(TRANSITIONS).find(
          (r) => r.to === step.to && (r.from as readonly string[]).includes(step.from),
        );
        expect(rule).toBeDefined();
        state = step.to;
      }
      expect(state).toBe(request.state);
      const times = request.history.map((t) => Date.parse(t.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      if (['declined_by_manager', 'declined_by_host', 'cancelled'].includes(request.state))
        expect(request.history.at(-1)?.reason).toBeTruthy();
    }
  });

  it('has outcomes for the visits that happened, and one exchange log record per visit or no-show', () => {
    const visits = requests.filter((r) => r.state === 'completed' || r.state === 'no_show');
    expect(exchanges.map((e) => e.id).sort()).toEqual(visits.map((r) => r.id).sort());
    for (const request of requests.filter((r) => r.state === 'completed')) {
      expect(request.outcomes?.visitor?.ratings).toHaveLength(request.objectives.length);
      expect(request.outcomes?.host?.teamGained).toBeTruthy();
    }
    expect(exchanges.every((e) => e.visitor.department && e.host.department)).toBe(true);
  });

  it('has visits in work time with every cover method and status, and own-time visits', () => {
    const held = requests.filter((r) => ['completed', 'no_show'].includes(r.state)).map(readCover);
    expect(new Set(held.map((c) => c.timeBasis))).toEqual(new Set(['work_time', 'own_time']));
    expect(new Set(held.map((c) => c.cover))).toEqual(new Set(COVER_STATUSES));
    expect(new Set(held.flatMap((c) => (c.coverMethod ? [c.coverMethod] : [])))).toEqual(
      new Set(COVER_METHODS),
    );
    for (const record of exchanges) {
      const request = requests.find((r) => r.id === record.requestId)!;
      expect(readRelease(record).timeBasis).toBe(readCover(request).timeBasis);
    }
  });

  it('costs cover at the shipped bank rate for the visitor’s grade, except within the team or where none was needed', () => {
    const people = new Map(organisation.people.map((p) => [p.id, p]));
    const costed = requests.filter(
      (r) => r.coverMethod === 'bank_or_locum' || r.coverMethod === 'rota_coordinator',
    );
    expect(costed.length).toBeGreaterThan(3);
    for (const request of costed) {
      const visitor = people.get(request.visitorId)!;
      const rate = rateFor(DEFAULT_COVER_RATES, visitor.profession, visitor.grade)!;
      expect(request.coverCostEstimateGbp).toBe(estimateCover(request.coverHours!, rate).bankGbp);
    }
    for (const request of requests.filter(
      (r) => r.coverMethod === 'within_team' || r.coverMethod === 'not_needed',
    ))
      expect(request.coverCostEstimateGbp).toBe(0);
  });

  it('gives managers’ declines reason categories, written on the request as the card writes them', () => {
    const declines = requests.filter((r) => r.state === 'declined_by_manager');
    expect(new Set(declines.map((r) => r.declineCategory)).size).toBeGreaterThanOrEqual(4);
    for (const request of declines) {
      expect(request.declineCategory).toBeDefined();
      expect(request.history.at(-1)?.reason).toMatch(
        /^(No cover available|Service pressures|The timing does not work|Not relevant to the role|Other reason): /,
      );
    }
  });

  it('has teams that visited each other, and none of it is Alex’s', () => {
    const all = { start: 0, end: TODAY.getTime() };
    expect(countReciprocalPairs(exchanges, all)).toBe(4);
    expect(requests.some((r) => r.visitorId === DEMO_IDS.alex)).toBe(false);
  });
});

describe('the demo Trust’s people, rotas and offers', () => {
  const byId = new Map(organisation.people.map((p) => [p.id, p]));
  const shiftsOf = (id: string) =>
    organisation.rota.filter((m) => m.personId === id).flatMap((m) => m.shifts);

  it('gives grades in the one written form the directory import keeps, doctors’ grades only to doctors', () => {
    const graded = organisation.people.filter((p) => p.grade);
    expect(graded.length).toBeGreaterThan(30);
    for (const person of graded) {
      const grade = readGrade(person.grade as string);
      expect(grade?.name).toBe(person.grade);
      if (grade?.kind === 'doctor') expect(person.profession).toBe('medical');
    }
    expect(byId.get(DEMO_IDS.alex)?.grade).toBe('FY1');
  });

  it('names a rota coordinator in the staff list for everyone in a clinical department; Miriam is the seventh Playground identity', () => {
    const clinical = organisation.people.filter((p) => p.department === 'Acute Medicine');
    for (const person of clinical) expect(person.rotaCoordinatorId).toBe(DEMO_IDS.miriam);
    for (const person of organisation.people.filter((p) => p.rotaCoordinatorId))
      expect(byId.has(person.rotaCoordinatorId as string)).toBe(true);
    expect(byId.get(DEMO_IDS.miriam)).toMatchObject({
      name: 'Miriam Graham',
      jobTitle: expect.stringMatching(/Rota Coordinator/),
    });
    expect(PLAYGROUND_USERS.map((u) => u.aadObjectId)).toContain(DEMO_IDS.miriam);
    expect(PLAYGROUND_USERS).toHaveLength(7);
  });

  it('never rosters a doctor in training on more than seven days in a row', () => {
    const trainees = organisation.people.filter((p) => ['FY1', 'FY2', 'CT2', 'ST4'].includes(p.grade ?? ''));
    expect(trainees.length).toBeGreaterThan(3);
    for (const person of trainees) {
      const days = [
        ...new Set(
          shiftsOf(person.id)
            .filter((s) => ['duty', 'long_day', 'night', 'on_call'].includes(s.kind))
            .map((s) => DateTime.fromISO(s.start, { zone: 'Europe/London' }).toISODate()),
        ),
      ].sort();
      let run = 1;
      for (let i = 1; i < days.length; i += 1) {
        const gap = DateTime.fromISO(days[i]!).diff(DateTime.fromISO(days[i - 1]!), 'days').days;
        run = gap === 1 ? run + 1 : 1;
        expect(run).toBeLessThanOrEqual(7);
      }
    }
  });

  it('rosters nurses on E, L, LD and N shifts', () => {
    const codes = new Set(
      shiftsOf(organisation.people.find((p) => p.name === 'Ben Carter')?.id ?? '').map((s) => s.code),
    );
    for (const code of ['E', 'L', 'LD', 'N']) expect(codes).toContain(code);
  });

  it('holds the Trust Board in public on the first Thursday of each month, as dated sessions', () => {
    const board = organisation.offers.find((o) => o.id === 'demo-offer-trust-board');
    const dates = (board?.sessions ?? []).map((s) => ('date' in s ? s.date : 'weekly'));
    expect(dates.length).toBeGreaterThanOrEqual(6);
    for (const date of dates) {
      const day = DateTime.fromISO(date);
      expect(day.weekday).toBe(4);
      expect(day.day).toBeLessThanOrEqual(7);
    }
  });
});
