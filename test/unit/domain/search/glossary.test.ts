import {
  ANALYSES_KEPT,
  createGlossary,
  expandTerms,
  getDefaultGlossary,
  GlossaryConfigError,
} from '../../../../src/domain/search/glossary';
import { DEFAULT_GLOSSARY } from '../../../../src/domain/search/glossaryEntries';

describe('the default glossary', () => {
  it('has at least 60 groups', () => {
    expect(DEFAULT_GLOSSARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['A&E', ['emergency department', 'ed', 'casualty', 'accident and emergency']],
    ['a and e', ['emergency department']],
    ['Accident & Emergency', ['emergency department', 'a and e']],
    ['ED', ['casualty']],
    ['ITU', ['icu', 'critical care', 'intensive care']],
    ['intensive care', ['itu', 'critical care']],
    ['GPs', ['general practice', 'general practitioner']],
    ['our ICB', ['integrated care board']],
    ['PCN', ['primary care network']],
    ['AHPs', ['allied health professional']],
    ['FY1', ['foundation doctor']],
    ['SpR', ['str', 'specialty registrar']],
    ['StR', ['spr']],
    ['CNS', ['cns', 'clinical nurse specialist']],
    ['ANP', ['advanced nurse practitioner']],
    ['HCA', ['healthcare assistant']],
    ['OT', ['occupational therapy']],
    ['SLT', ['speech and language therapy']],
    ['physios', ['physiotherapy']],
    ['MDT', ['multidisciplinary team']],
    ['TTO', ['tta', 'discharge medication']],
    ['DTOC', ['delayed discharge']],
    ['CHC', ['continuing healthcare']],
    ['OPD', ['outpatient clinic']],
    ['AMU', ['acute medical unit']],
    ['SDEC', ['same day emergency care']],
    ['CCU', ['coronary care unit']],
    ['HDU', ['high dependency unit']],
    ['NICU', ['neonatal intensive care']],
    ['SCBU', ['special care baby unit']],
    ['theatres', ['operating theatre']],
    ['PACU', ['recovery room']],
    ['the discharge lounge', ['discharge lounge', 'transfer lounge']],
    ['flow', ['patient flow']],
    ['bed management', ['bed manager']],
    ['ESR', ['electronic staff record']],
    ['HR', ['human resources']],
    ['CQC', ['care quality commission']],
    ['NICE', ['national institute for health and care excellence']],
    ['QI', ['quality improvement']],
    ['R&D', ['research and development']],
    ['CRN', ['clinical research network']],
    ['PALS', ['patient advice and liaison service']],
    ['IPC', ['infection prevention and control']],
    ['safeguarding', ['child protection']],
    ['Café ré-ablement', ['cafe', 're', 'ablement']],
  ])('%s expands to include %j', (text, expected) => {
    expect(expandTerms(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['ward or clinic', 'operating theatre'],
    ['a nice day with my pals', 'patient advice and liaison service'],
    ['a nice day with my pals', 'national institute for health and care excellence'],
  ])('reads ordinary words in %j as words, not as %j', (text, unexpected) => {
    expect(expandTerms(text)).not.toContain(unexpected);
  });

  it('reads capitalised abbreviations that are also words only in capitals', () => {
    expect(expandTerms('OR list')).toContain('operating theatre');
  });

  it('drops filler words and keeps the meaningful ones', () => {
    const terms = expandTerms("I'd like to spend a morning with the discharge team next week");
    expect(terms).toEqual(expect.arrayContaining(['discharge', 'discharge team', 'discharge coordinator']));
    for (const filler of ['id', 'like', 'spend', 'morning', 'the', 'team', 'next', 'week'])
      expect(terms).not.toContain(filler);
  });

  it('ignores hidden direction-changing characters and keeps emoji out of the terms', () => {
    expect(expandTerms('\u202EITU\u202C 😀')).toEqual(expect.arrayContaining(['critical care']));
    expect(expandTerms('😀')).toEqual([]);
  });

  it('copes with a 5,000-character text', () => {
    expect(expandTerms(`${'discharge '.repeat(500)}`)).toEqual(['discharge']);
  });

  it('records what was written for each concept', () => {
    const concepts = getDefaultGlossary().analyse('Time in A&E please');
    expect(concepts.get('group:emergency department')).toBe('A&E');
    expect(getDefaultGlossary().plainTermOf('group:emergency department')).toBe('emergency department');
  });
});

describe('createGlossary with extra entries', () => {
  it('adds a new group and extends an existing one', () => {
    const glossary = createGlossary([
      { plain: 'frailty assessment unit', terms: ['FAU', 'frailty unit'] },
      { plain: 'emergency department', terms: ['EAU front door'] },
    ]);
    expect(glossary.expandTerms('FAU')).toEqual(
      expect.arrayContaining(['frailty assessment unit', 'frailty unit']),
    );
    expect(glossary.expandTerms('EAU front door')).toContain('casualty');
    expect(expandTerms('FAU')).not.toContain('frailty assessment unit');
  });

  it('accepts the entries as JSON text', () => {
    expect(
      createGlossary('[{"plain": "hospital at night", "terms": ["H at N"]}]').expandTerms('H at N'),
    ).toContain('hospital at night');
  });

  it.each([
    ['not JSON', '[{plain}]', 'not valid JSON'],
    ['not a list', { plain: 'x', terms: ['y'] }, 'must be a JSON array'],
    ['no terms', [{ plain: 'x', terms: [] }], 'entry 1, terms: must list at least one term'],
    ['an empty term', [{ plain: 'x', terms: ['y', ' '] }], 'entry 1, terms, item 2: must not be empty'],
    [
      'a term with no letters',
      [{ plain: 'x', terms: ['!!!'] }],
      'entry 1: term "!!!" has no letters or digits',
    ],
    ['a long term', [{ plain: 'x', terms: ['y'.repeat(5000)] }], 'must be at most 80 characters'],
    ['an unknown field', [{ plain: 'x', terms: ['y'], synonyms: [] }], 'has unknown field(s) synonyms'],
    ['a missing plain name', [{ terms: ['y'] }], 'entry 1, plain: Required'],
    [
      'a capitals-only phrase',
      [{ plain: 'x', terms: ['y'], capitalsOnly: ['TWO WORDS'] }],
      'must be one word',
    ],
  ])('explains %s', (_name, entries, message) => {
    expect(() => createGlossary(entries)).toThrow(GlossaryConfigError);
    expect(() => createGlossary(entries)).toThrow(message);
  });
});

describe('analysing the same text again', () => {
  const texts = [
    'A morning with the discharge team',
    'Shadow an ANP in A&E',
    'CNS clinic for wards and GPs',
    'the discharge team',
  ];

  it('gives the same concepts as the first time, also after more texts than are remembered', () => {
    const fresh = () => createGlossary();
    const used = createGlossary();
    const first = texts.map((text) => [...used.analyse(text)]);
    for (let i = 0; i < ANALYSES_KEPT + 10; i += 1) used.analyse(`ward ${i} theatre ${i}`);
    expect(texts.map((text) => [...used.analyse(text)])).toEqual(first);
    expect(texts.map((text) => [...fresh().analyse(text)])).toEqual(first);
  });

  it('gives each text its own concepts, whichever was analysed before', () => {
    const glossary = createGlossary();
    expect([...glossary.analyse('A&E').keys()]).toContain('group:emergency department');
    expect([...glossary.analyse('a and e').keys()]).toContain('group:emergency department');
    expect([...glossary.analyse('ITU').keys()]).not.toContain('group:emergency department');
    expect([...glossary.analyse('A&E')]).toEqual([...createGlossary().analyse('A&E')]);
  });
});
