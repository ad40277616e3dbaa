import type { GlossaryEntry } from './glossaryEntry';

const TRAINING_GRADES = [
  'first-year foundation doctor',
  'second-year foundation doctor',
  'core trainee',
  'internal medicine trainee',
  'GP specialty trainee',
  'specialty registrar',
];

/** Staff roles and grades across the professions. */
export const ROLE_ENTRIES: readonly GlossaryEntry[] = [
  // "Junior doctor" and its newer name "resident doctor" both mean any doctor in training,
  // from the first foundation year to the end of specialty training.
  {
    plain: 'resident doctor',
    terms: ['junior doctor', 'doctor in training', 'trainee doctor', 'resident doctors', 'junior doctors'],
    covers: TRAINING_GRADES,
  },
  {
    plain: 'first-year foundation doctor',
    terms: ['FY1', 'F1', 'foundation year 1', 'foundation year one', 'foundation doctor'],
  },
  {
    plain: 'second-year foundation doctor',
    terms: ['FY2', 'F2', 'foundation year 2', 'foundation year two', 'foundation doctor'],
  },
  { plain: 'core trainee', terms: ['CT1', 'CT2', 'CT3', 'SHO', 'senior house officer', 'core training'] },
  {
    plain: 'internal medicine trainee',
    terms: ['IMT', 'IMT1', 'IMT2', 'IMT3', 'internal medicine training', 'CMT', 'core medical trainee'],
  },
  {
    plain: 'GP specialty trainee',
    terms: ['GPST', 'GPST1', 'GPST2', 'GPST3', 'GPStR', 'GP trainee', 'GP registrar', 'GP training', 'GPVTS'],
  },
  {
    plain: 'specialty registrar',
    terms: [
      'SpR',
      'StR',
      'registrar',
      'reg',
      'specialist registrar',
      'specialty trainee',
      'ST3',
      'ST4',
      'ST5',
      'ST6',
      'ST7',
      'ST8',
    ],
  },
  {
    plain: 'specialty and specialist doctor',
    terms: [
      'SAS',
      'SAS doctor',
      'specialty doctor',
      'specialist doctor',
      'associate specialist',
      'staff grade',
    ],
  },
  {
    plain: 'locally employed doctor',
    terms: ['clinical fellow', 'clinical fellows', 'trust grade', 'trust doctor', 'teaching fellow', 'LED'],
  },
  { plain: 'consultant', terms: ['consultant physician', 'consultant surgeon', 'senior doctor'] },
  {
    plain: 'physician associate',
    terms: ['PA', 'physician associates', 'physician assistant', 'physician associate student'],
  },
  {
    plain: 'operating department practitioner',
    terms: ['ODP', 'operating department practice', 'operating department practitioners'],
  },
  {
    plain: 'paramedic',
    terms: ['paramedics', 'specialist paramedic', 'paramedic practitioner', 'advanced paramedic'],
  },
  { plain: 'clinical nurse specialist', terms: ['CNS', 'specialist nurse', 'nurse specialist'] },
  { plain: 'ward manager', terms: ['ward sister', 'sister', 'charge nurse', 'ward leader'] },
  // A matron leads nursing across several wards or a service; a ward manager runs one ward.
  { plain: 'matron', terms: ['modern matron', 'senior matron', 'divisional matron'] },
  { plain: 'occupational therapy', terms: ['OT', 'occupational therapist'] },
  {
    plain: 'speech and language therapy',
    terms: ['SLT', 'speech therapy', 'speech and language therapist', 'speech therapist'],
    capitalsOnly: ['SALT'],
  },
  { plain: 'physiotherapy', terms: ['physio', 'physiotherapist', 'physical therapy'] },
  { plain: 'dietetics', terms: ['dietitian', 'dietician', 'nutrition and dietetics'] },
  { plain: 'clinical coding', terms: ['coding', 'coder', 'clinical coder', 'coding team'] },
  { plain: 'chaplaincy', terms: ['chaplain', 'spiritual care', 'pastoral care'] },
];
