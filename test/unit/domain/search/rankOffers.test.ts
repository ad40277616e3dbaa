import type { HostOffer } from '../../../../src/domain/offers';
import type { Person } from '../../../../src/domain/people';
import { createGlossary } from '../../../../src/domain/search/glossary';
import { rankOffers, type RankOffersInput } from '../../../../src/domain/search/rankOffers';

function offer(id: string, fields: Partial<HostOffer> = {}): HostOffer {
  return {
    id,
    hostId: `host-${id}`,
    title: 'A morning with us',
    description: 'See how we work and what we do.',
    profession: 'medical',
    department: 'General Medicine',
    setting: 'office',
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 1,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: '',
    meetingPoint: 'Main reception',
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const visitor: Person = {
  id: 'visitor-1',
  email: 'vic@trust.nhs.uk',
  name: 'Vic Visitor',
  jobTitle: 'Staff Nurse',
  department: 'Ward 7',
  profession: 'nursing',
  roles: ['staff'],
};

function rank(input: Partial<RankOffersInput> & Pick<RankOffersInput, 'offers'>) {
  return rankOffers({ visitor, query: '', limit: 10, ...input });
}

const ids = (results: { offer: HostOffer }[]) => results.map((result) => result.offer.id);

describe('rankOffers: finding across tribes', () => {
  it.each([
    ['A&E', 'a day in the emergency department', 'emergency department'],
    ['ITU', 'shadow the critical care outreach team', 'critical care'],
    ['intensive care', 'an ICU ward round', 'critical care'],
    ['GPs', 'how general practice refers patients', 'general practice'],
    ['TTO', 'discharge medication checks in pharmacy', 'medicines to take home'],
  ])('%s finds an offer described as %j', (query, description, plain) => {
    const offers = [offer('match', { description }), offer('other', { description: 'payroll and pensions' })];
    const results = rank({ offers, query });
    expect(ids(results)).toEqual(['match']);
    expect(results[0]?.reason).toContain(`'${query}'`);
    expect(results[0]?.reason).toContain(plain);
  });

  it('finds an offer whose setting alone matches', () => {
    const results = rank({
      offers: [offer('ed', { setting: 'emergency_department' }), offer('office')],
      query: 'casualty',
    });
    expect(ids(results)).toEqual(['ed']);
  });

  it('ranks a title match above a description-only match', () => {
    const offers = [
      offer('desc', { description: 'we talk about discharge' }),
      offer('title', { title: 'Discharge planning' }),
    ];
    expect(ids(rank({ offers, query: 'discharge' }))).toEqual(['title', 'desc']);
  });

  it('matches plurals and case lightly', () => {
    expect(ids(rank({ offers: [offer('w', { title: 'Life on the wards' })], query: 'WARD' }))).toEqual(['w']);
  });

  it('returns offers by other factors when the query has no meaningful words', () => {
    expect(ids(rank({ offers: [offer('a'), offer('b')], query: 'I would like to visit next week' }))).toEqual(
      ['a', 'b'],
    );
  });
});

describe('rankOffers: who may see what', () => {
  it('never returns an offer not open to the visitor’s profession', () => {
    const offers = [
      offer('closed', { title: 'Discharge', openTo: ['medical', 'ahp'] }),
      offer('open', { title: 'Discharge', openTo: ['nursing'] }),
    ];
    expect(ids(rank({ offers, query: 'discharge' }))).toEqual(['open']);
    expect(ids(rank({ offers, query: '' }))).toEqual(['open']);
  });

  it('leaves out paused offers and the visitor’s own offers', () => {
    const offers = [
      offer('paused', { status: 'paused' }),
      offer('mine', { hostId: visitor.id }),
      offer('theirs'),
    ];
    expect(ids(rank({ offers }))).toEqual(['theirs']);
  });

  it('keeps to the limit', () => {
    const offers = ['c', 'a', 'b'].map((id) => offer(id));
    expect(ids(rank({ offers, limit: 2 }))).toEqual(['a', 'b']);
    expect(rank({ offers, limit: 0 })).toEqual([]);
  });
});

describe('rankOffers: ordering factors', () => {
  const same = { title: 'Discharge planning', description: 'Discharge planning with the team.' };

  it('ranks a sensitive setting below an equally relevant non-sensitive one', () => {
    const offers = [
      offer('a-ward', { ...same, setting: 'ward' }),
      offer('b-clinic', { ...same, setting: 'outpatient_clinic' }),
    ];
    const results = rank({ offers, query: 'discharge' });
    expect(ids(results)).toEqual(['b-clinic', 'a-ward']);
    expect(results[0]?.reason).toContain('outpatient clinic setting, lower risk');
    expect(results[1]?.reason).toContain('ward setting, needs extra induction');
  });

  it('prefers crossing professions', () => {
    const offers = [
      offer('a-same', { ...same, profession: 'nursing' }),
      offer('b-other', { ...same, profession: 'ahp' }),
    ];
    const results = rank({ offers, query: 'discharge' });
    expect(ids(results)).toEqual(['b-other', 'a-same']);
    expect(results[0]?.reason).toContain('a different profession');
    expect(results[1]?.reason).not.toContain('different profession');
  });

  it('prefers places left, and puts full offers last', () => {
    const offers = [offer('a-full', same), offer('b-one', same), offer('c-three', same)];
    const results = rank({
      offers,
      query: 'discharge',
      capacityLeft: { 'a-full': 0, 'b-one': 1, 'c-three': 3 },
    });
    expect(ids(results)).toEqual(['c-three', 'b-one', 'a-full']);
    expect(results[0]?.reason).toContain('3 places left this month');
    expect(results[1]?.reason).toContain('1 place left this month');
    expect(results[2]?.reason).toContain('no places left this month');
  });

  it('prefers offers with clash-free slots in the window', () => {
    const offers = [offer('a-none', same), offer('b-some', same)];
    const results = rank({ offers, query: 'discharge', availability: { 'a-none': 0, 'b-some': 2 } });
    expect(ids(results)).toEqual(['b-some', 'a-none']);
    expect(results[0]?.reason).toContain('2 free sessions in your dates');
  });

  it('without slot counts, counts the offer’s session days in the window', () => {
    const offers = [
      offer('a-thu', { ...same, sessions: [{ weekday: 'thu', part: 'am' }] }),
      offer('b-tue', { ...same, sessions: [{ weekday: 'tue', part: 'am' }] }),
    ];
    // Mon 2 to Thu 5 March 2026 (end exclusive): one Tuesday, no Thursday.
    const results = rank({
      offers,
      query: 'discharge',
      window: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-05T00:00:00.000Z' },
    });
    expect(ids(results)).toEqual(['b-tue', 'a-thu']);
    expect(results[0]?.reason).toContain('1 free session in your dates');
  });

  it('prefers departments that have exchanged well before, either way round', () => {
    const offers = [
      offer('a-new', { ...same, department: 'Radiology' }),
      offer('b-known', { ...same, department: 'Frailty' }),
    ];
    const pastExchanges = [
      { visitorDepartment: 'frailty', hostDepartment: 'ward 7', wentWell: true },
      { visitorDepartment: 'Ward 7', hostDepartment: 'Radiology', wentWell: false },
    ];
    const results = rank({ offers, query: 'discharge', pastExchanges });
    expect(ids(results)).toEqual(['b-known', 'a-new']);
    expect(results[0]?.reason).toContain(
      'their team visited yours and it went well, so this would be a return visit',
    );
    expect(results[1]?.reason).not.toContain('exchange');
  });

  it('counts good exchanges both ways, more of them rank higher, and none within the team', () => {
    const offers = [
      offer('a-once', { ...same, department: 'Radiology' }),
      offer('b-twice', { ...same, department: 'Frailty' }),
      offer('c-own', { ...same, department: 'Ward 7' }),
    ];
    const pastExchanges = [
      { visitorDepartment: 'Ward 7', hostDepartment: 'Radiology', wentWell: true },
      { visitorDepartment: 'Ward 7', hostDepartment: 'Frailty', wentWell: true },
      { visitorDepartment: 'Frailty', hostDepartment: 'Ward  7', wentWell: true },
      { visitorDepartment: 'Ward 7', hostDepartment: 'Ward 7', wentWell: true },
    ];
    const results = rank({ offers, query: 'discharge', pastExchanges });
    expect(ids(results)).toEqual(['b-twice', 'a-once', 'c-own']);
    expect(results[0]?.reason).toContain('your teams have had 2 good exchanges before');
    expect(results[1]?.reason).toContain('your teams have had 1 good exchange before');
    expect(results[2]?.reason).not.toContain('exchange');
  });

  it('breaks ties by id, whatever the input order', () => {
    const offers = [offer('c', same), offer('a', same), offer('b', same)];
    expect(ids(rank({ offers, query: 'discharge' }))).toEqual(['a', 'b', 'c']);
    expect(ids(rank({ offers: [...offers].reverse(), query: 'discharge' }))).toEqual(['a', 'b', 'c']);
  });
});

describe('rankOffers: the reason line', () => {
  it('is one line naming the matched term and the other reasons', () => {
    const results = rank({
      offers: [
        offer('d', { title: 'Discharge lounge morning', profession: 'ahp', setting: 'outpatient_clinic' }),
      ],
      query: 'discharge',
      capacityLeft: { d: 2 },
    });
    expect(results[0]?.reason).toBe(
      "Matches 'discharge'; a different profession; outpatient clinic setting, lower risk; 2 places left this month",
    );
  });

  it('shows hostile query text inert and short', () => {
    const results = rank({
      offers: [offer('d', { title: 'Discharge' })],
      query: `\u202Edischarge\u202C ${'x'.repeat(5000)} <b>😀</b>`,
    });
    expect(results[0]?.reason).toContain("'discharge'");
    expect(results[0]?.reason).not.toMatch(/[\u202A-\u202E\n]/);
    expect(results[0]?.reason.length).toBeLessThan(200);
  });

  it('uses a configured glossary', () => {
    const glossary = createGlossary([{ plain: 'frailty assessment unit', terms: ['FAU'] }]);
    const results = rank({
      offers: [offer('f', { description: 'Time on the frailty assessment unit' })],
      query: 'FAU',
      glossary,
    });
    expect(results[0]?.reason).toContain("'FAU' (frailty assessment unit)");
  });
});

describe('rankOffers: an offer whose words change', () => {
  it('is ranked by its new words at once, with the same glossary, in the same process', () => {
    const glossary = createGlossary();
    const before = offer('changed', { title: 'Discharge planning', description: 'the board round' });
    const query = 'discharge';
    expect(ids(rankOffers({ offers: [before], visitor, query, limit: 5, glossary }))).toEqual(['changed']);
    const after = { ...before, title: 'Payroll and pensions', description: 'how pay is worked out' };
    expect(rankOffers({ offers: [after], visitor, query, limit: 5, glossary })).toEqual([]);
    const back = rankOffers({ offers: [after, before], visitor, query, limit: 5, glossary });
    expect(back.map((r) => r.offer)).toEqual([before]);
  });
});
