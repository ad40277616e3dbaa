import { ROLE_ENTRIES } from './glossaryRoles';
import { SPECIALTY_ENTRIES } from './glossarySpecialties';
import type { GlossaryEntry } from './glossaryEntry';

export type { GlossaryEntry } from './glossaryEntry';

export const DEFAULT_GLOSSARY: readonly GlossaryEntry[] = [
  ...ROLE_ENTRIES,
  ...SPECIALTY_ENTRIES,
  {
    plain: 'emergency department',
    terms: [
      'ED',
      'A&E',
      'accident and emergency',
      'casualty',
      'emergency room',
      'emergency medicine',
      'resus',
      'resuscitation room',
      'majors',
    ],
    capitalsOnly: ['ER'],
  },
  {
    plain: 'critical care',
    terms: [
      'ITU',
      'ICU',
      'intensive care',
      'intensive care unit',
      'intensive therapy unit',
      'critical care unit',
    ],
  },
  { plain: 'high dependency unit', terms: ['HDU', 'high dependency', 'level 2 care'] },
  { plain: 'coronary care unit', terms: ['CCU', 'coronary care', 'cardiac care unit'] },
  {
    plain: 'neonatal intensive care',
    terms: ['NICU', 'neonatal intensive care unit', 'neonatal unit', 'neonatal'],
  },
  { plain: 'special care baby unit', terms: ['SCBU', 'special care nursery', 'special care baby'] },
  {
    plain: 'general practice',
    terms: ['GP', 'general practitioner', 'family doctor', 'GP surgery', 'GP practice'],
  },
  {
    plain: 'integrated care board',
    terms: ['ICB', 'CCG', 'clinical commissioning group', 'commissioning', 'commissioner'],
  },
  { plain: 'integrated care system', terms: ['ICS'] },
  // Not the ICS: the partnership of the NHS, councils and others that sets the system's strategy.
  { plain: 'integrated care partnership', terms: ['ICP'] },
  { plain: 'primary care network', terms: ['PCN', 'primary care networks'] },
  { plain: 'primary care', terms: ['primary care services', 'general practice'] },
  {
    plain: 'allied health professional',
    terms: ['AHP', 'allied health', 'allied health professions', 'therapies', 'therapy services'],
  },
  {
    plain: 'advanced practitioner',
    terms: [
      'ANP',
      'advanced nurse practitioner',
      'ACP',
      'advanced clinical practitioner',
      'nurse practitioner',
    ],
  },
  {
    plain: 'healthcare assistant',
    terms: [
      'HCA',
      'health care assistant',
      'nursing assistant',
      'clinical support worker',
      'CSW',
      'support worker',
    ],
  },
  { plain: 'nursing associate', terms: ['trainee nursing associate', 'TNA'] },
  {
    plain: 'multidisciplinary team',
    terms: ['MDT', 'multi disciplinary team', 'multidisciplinary meeting', 'MDM', 'team meeting'],
  },
  {
    plain: 'medicines to take home',
    terms: ['TTO', 'TTA', 'to take out', 'to take away', 'discharge medication', 'discharge prescription'],
  },
  {
    plain: 'delayed discharge',
    terms: [
      'DTOC',
      'delayed transfer of care',
      'bed blocking',
      'medically fit for discharge',
      'MFFD',
      'no criteria to reside',
      'NCTR',
    ],
  },
  { plain: 'continuing healthcare', terms: ['CHC', 'continuing health care', 'NHS continuing healthcare'] },
  {
    plain: 'outpatient clinic',
    terms: ['OPD', 'outpatient department', 'outpatients', 'outpatient', 'clinic'],
  },
  {
    plain: 'acute medical unit',
    terms: ['AMU', 'MAU', 'medical assessment unit', 'acute medicine', 'AAU', 'acute assessment unit'],
  },
  {
    plain: 'same day emergency care',
    terms: ['SDEC', 'ambulatory care', 'ambulatory emergency care', 'AEC'],
  },
  {
    plain: 'operating theatre',
    terms: ['theatre', 'operating room', 'theatre suite', 'surgical theatre'],
    capitalsOnly: ['OR'],
  },
  {
    plain: 'recovery room',
    terms: [
      'PACU',
      'post anaesthesia care unit',
      'post anaesthetic care unit',
      'post anesthesia care unit',
      'recovery',
    ],
  },
  {
    plain: 'pre-operative assessment',
    terms: ['pre op', 'pre op assessment', 'pre assessment', 'POA', 'pre operative assessment'],
  },
  { plain: 'day surgery', terms: ['DSU', 'day surgery unit', 'day case', 'day case unit'] },
  { plain: 'discharge lounge', terms: ['transfer lounge', 'discharge area'] },
  {
    plain: 'patient flow',
    terms: ['flow', 'hospital flow', 'site management', 'operational flow', 'capacity and flow'],
  },
  {
    plain: 'bed management',
    terms: ['bed manager', 'bed bureau', 'site team', 'capacity team', 'bed meeting'],
  },
  { plain: 'inpatient ward', terms: ['ward', 'inpatient', 'inpatients', 'inpatient unit'] },
  { plain: 'electronic staff record', terms: ['ESR'] },
  {
    plain: 'human resources',
    terms: ['HR', 'people team', 'people services', 'personnel', 'employee relations'],
  },
  {
    plain: 'workforce',
    terms: ['workforce planning', 'rostering', 'e rostering', 'medical staffing', 'staff bank'],
  },
  { plain: 'care quality commission', terms: ['CQC', 'care regulator'] },
  {
    plain: 'national institute for health and care excellence',
    terms: ['NICE guidance', 'NICE guideline'],
    capitalsOnly: ['NICE'],
  },
  {
    plain: 'quality improvement',
    terms: ['QI', 'improvement science', 'PDSA', 'plan do study act', 'service improvement'],
  },
  {
    plain: 'research and development',
    terms: ['R&D', 'research office', 'research department', 'clinical research', 'clinical trials'],
  },
  { plain: 'clinical research network', terms: ['CRN', 'NIHR CRN', 'research delivery network', 'RDN'] },
  {
    plain: 'patient advice and liaison service',
    terms: ['patient advice', 'patient liaison', 'complaints team'],
    capitalsOnly: ['PALS'],
  },
  {
    plain: 'infection prevention and control',
    terms: ['IPC', 'infection control', 'infection prevention', 'IPAC'],
  },
  {
    plain: 'safeguarding',
    terms: ['safeguarding adults', 'safeguarding children', 'child protection', 'adult protection'],
  },
  {
    plain: 'patient safety',
    terms: ['PSIRF', 'serious incident', 'incident reporting', 'Datix', 'clinical risk'],
  },
  { plain: 'clinical governance', terms: ['governance', 'risk management', 'audit', 'clinical audit'] },
  { plain: 'information governance', terms: ['IG', 'data protection', 'Caldicott guardian'] },
  { plain: 'district nursing', terms: ['DN', 'district nurse', 'community nurse', 'community nursing'] },
  { plain: 'health visiting', terms: ['HV', 'health visitor'] },
  {
    plain: 'children and young people’s mental health',
    terms: ['CAMHS', 'child and adolescent mental health services', 'CYPMHS'],
  },
  { plain: 'mental health', terms: ['MH', 'psychiatry', 'psychiatric', 'psych', 'mental health services'] },
  {
    plain: 'obstetrics and gynaecology',
    terms: ['O&G', 'obs and gynae', 'obstetrics', 'gynaecology', 'gynae', 'OBGYN', 'women’s health'],
  },
  {
    plain: 'maternity',
    terms: ['labour ward', 'delivery suite', 'birth centre', 'midwifery led unit', 'MLU', 'midwifery'],
  },
  {
    plain: 'paediatrics',
    terms: ['paeds', 'pediatrics', 'paediatric', 'children’s ward', 'children’s services'],
  },
  {
    plain: 'radiology',
    terms: ['imaging', 'x ray', 'xray', 'diagnostic imaging', 'radiography', 'MRI', 'CT scan', 'ultrasound'],
  },
  {
    plain: 'pathology',
    terms: ['laboratory', 'lab', 'blood sciences', 'biomedical science', 'histology', 'microbiology'],
  },
  {
    plain: 'pharmacy',
    terms: ['pharmacist', 'dispensary', 'medicines management', 'medicines optimisation'],
  },
  { plain: 'endoscopy', terms: ['GI unit', 'colonoscopy', 'gastroscopy', 'endoscopy unit'] },
  {
    plain: 'palliative care',
    terms: ['end of life care', 'EOL', 'EOLC', 'hospice', 'specialist palliative care'],
  },
  { plain: 'stroke unit', terms: ['HASU', 'hyper acute stroke unit', 'ASU', 'acute stroke unit', 'stroke'] },
  { plain: 'kidney care', terms: ['renal', 'dialysis', 'nephrology', 'kidney unit'] },
  {
    plain: 'cancer services',
    terms: ['oncology', 'cancer', 'chemotherapy', 'chemo', 'radiotherapy', 'haematology oncology'],
  },
  {
    plain: 'care of older people',
    terms: [
      'frailty',
      'care of the elderly',
      'COTE',
      'elderly care',
      'geriatrics',
      'geriatric medicine',
      'older people’s services',
    ],
  },
  { plain: 'virtual ward', terms: ['hospital at home', 'virtual wards'] },
  {
    plain: 'urgent treatment centre',
    terms: ['UTC', 'walk in centre', 'minor injuries unit', 'MIU', 'urgent care centre'],
  },
  // Not "paramedic": paramedics also work in emergency departments, GP practices and urgent care.
  {
    plain: 'ambulance service',
    terms: ['ambulance', 'ambulance trust', 'NHS 111', '999', '999 control', 'emergency operations centre'],
  },
  {
    plain: 'social care',
    terms: ['social services', 'social worker', 'local authority', 'adult social care'],
    capitalsOnly: ['LA'],
  },
  { plain: 'NHS England', terms: ['NHSE', 'NHSEI', 'NHS improvement'] },
  { plain: 'Department of Health and Social Care', terms: ['DHSC', 'department of health', 'DoH', 'DH'] },
  {
    plain: 'trust board',
    terms: ['board', 'board meeting', 'board of directors', 'non executive director', 'executive team'],
    capitalsOnly: ['NED'],
  },
  { plain: 'chief operating officer', terms: ['COO', 'director of operations', 'operations director'] },
  { plain: 'chief nurse', terms: ['director of nursing', 'CNO', 'chief nursing officer'] },
  { plain: 'medical director', terms: ['MD', 'chief medical officer', 'CMO'] },
  {
    plain: 'finance',
    terms: ['finance team', 'CFO', 'chief finance officer', 'director of finance', 'budget', 'costing'],
  },
  {
    plain: 'learning and development',
    terms: [
      'L&D',
      'education team',
      'practice education',
      'clinical education',
      'CPD',
      'continuing professional development',
    ],
  },
  {
    plain: 'operational management',
    terms: ['ops manager', 'operational manager', 'general manager', 'service manager'],
  },
  {
    plain: 'discharge team',
    terms: [
      'discharge coordinator',
      'discharge planning',
      'integrated discharge team',
      'IDT',
      'transfer of care hub',
      'TOCH',
    ],
  },
];
