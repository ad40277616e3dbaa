import {
  createGlossary,
  getDefaultGlossary,
  GlossaryConfigError,
} from '../../../../src/domain/search/glossary';

const glossary = getDefaultGlossary();
const groupsOf = (text: string) =>
  [...glossary.analyse(text).keys()].flatMap((key) => glossary.plainTermOf(key) ?? []);

describe('glossary fixes', () => {
  const TRAINING = [
    'first-year foundation doctor',
    'second-year foundation doctor',
    'core trainee',
    'internal medicine trainee',
    'GP specialty trainee',
    'specialty registrar',
  ];

  it.each(['junior doctor', 'resident doctor', 'Junior doctors', 'resident doctors'])(
    '"%s" covers every doctor in training, from foundation to specialty training',
    (text) => {
      expect(groupsOf(text)).toEqual(expect.arrayContaining(['resident doctor', ...TRAINING]));
    },
  );

  it('a single grade does not stand for all doctors in training', () => {
    expect(groupsOf('FY1')).toEqual(['first-year foundation doctor']);
    expect(groupsOf('registrar')).toEqual(['specialty registrar']);
  });

  it('a search for junior doctors finds an offer that only names FY1s', () => {
    const offer = glossary.analyse('Teaching for FY1s on the ward');
    const query = glossary.analyse('junior doctors');
    expect([...query.keys()].some((key) => key.startsWith('group:') && offer.has(key))).toBe(true);
  });

  it('a matron is not a ward manager', () => {
    expect(groupsOf('matron')).toEqual(['matron']);
    expect(groupsOf('modern matron')).toEqual(['matron']);
    expect(groupsOf('ward manager')).not.toContain('matron');
    expect(groupsOf('ward sister')).toEqual(['ward manager']);
  });

  it('"paramedic" alone is not the ambulance service (ED paramedics exist)', () => {
    expect(groupsOf('paramedic')).toEqual(['paramedic']);
    expect(groupsOf('ED paramedics')).not.toContain('ambulance service');
    expect(groupsOf('the ambulance trust')).toEqual(['ambulance service']);
  });

  it('the ICP is not the ICS', () => {
    expect(groupsOf('ICP')).toEqual(['integrated care partnership']);
    expect(groupsOf('ICS')).toEqual(['integrated care system']);
  });

  it('a board round is not an MDT, and not the Trust Board', () => {
    expect(groupsOf('board round')).toEqual(['board round']);
    expect(groupsOf('MDT')).toEqual(['multidisciplinary team']);
    expect(groupsOf('board round')).not.toContain('trust board');
  });
});

describe('glossary additions', () => {
  it.each([
    ['PA', 'physician associate'],
    ["the PA's", 'physician associate'],
    ['physician associates', 'physician associate'],
    ['IMT2', 'internal medicine trainee'],
    ['GPST1', 'GP specialty trainee'],
    ['SAS doctor', 'specialty and specialist doctor'],
    ['specialty doctor', 'specialty and specialist doctor'],
    ['clinical fellow', 'locally employed doctor'],
    ['OOH', 'out of hours'],
    ['out of hours', 'out of hours'],
    ['EAU', 'emergency assessment unit'],
    ['CDU', 'clinical decision unit'],
    ['a DGH', 'district general hospital'],
    ['ODP', 'operating department practitioner'],
    ['D2A', 'discharge to assess'],
    ['discharge to assess', 'discharge to assess'],
    ['DSPT', 'Data Security and Protection Toolkit'],
    ['HRA', 'Health Research Authority'],
    ['REC', 'research ethics committee'],
    ['GCP', 'good clinical practice'],
    ['PPIE', 'patient and public involvement'],
    ['CIP', 'cost improvement programme'],
    ['WTE', 'whole-time equivalent'],
    ['tariff', 'tariff'],
    ['ENT', 'ear, nose and throat'],
    ['T&O', 'trauma and orthopaedics'],
    ['ortho', 'trauma and orthopaedics'],
    ['O&G', 'obstetrics and gynaecology'],
    ['gynae', 'obstetrics and gynaecology'],
    ['urology', 'urology'],
    ['dermatology', 'dermatology'],
    ['ophthalmology', 'ophthalmology'],
    ['eye clinic', 'ophthalmology'],
    ['paediatrics', 'paediatrics'],
    ['paeds', 'paediatrics'],
    ['cath lab', 'cardiology'],
    ['COPD', 'respiratory medicine'],
    ['anaesthetist', 'anaesthetics'],
    ['coders', 'clinical coding'],
    ['resus', 'emergency department'],
  ])('"%s" is read as %s', (text, group) => {
    expect(groupsOf(text)).toContain(group);
  });

  it('"rec" in lower case is an ordinary word, not the ethics committee', () => {
    expect(groupsOf('a rec room')).not.toContain('research ethics committee');
  });
});

describe('glossary groups that cover others', () => {
  it('refuses a group that covers one that does not exist, naming it', () => {
    const entries = [{ plain: 'all nurses', terms: ['nurses'], covers: ['martian nurse'] }];
    expect(() => createGlossary(entries)).toThrow(GlossaryConfigError);
    expect(() => createGlossary(entries)).toThrow('all nurses covers "martian nurse", which is not a group');
  });

  it('lets a local entry cover default groups', () => {
    const local = createGlossary([
      { plain: 'therapists', terms: ['therapy team'], covers: ['physiotherapy'] },
    ]);
    expect([...local.analyse('the therapy team').keys()]).toContain('group:physiotherapy');
  });
});
