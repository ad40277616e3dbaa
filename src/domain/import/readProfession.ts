import { PROFESSIONS, type Profession } from '../people';

/**
 * Staff-group names as people and ESR exports write them, keyed in the form `keyOf` produces.
 * ESR's "Additional Clinical Services" (healthcare assistants, support workers) counts as nursing;
 * "Estates and Ancillary" counts as admin.
 */
const ALIASES: Record<string, Profession> = {
  'medical and dental': 'medical',
  doctor: 'medical',
  doctors: 'medical',
  medic: 'medical',
  medicine: 'medical',
  dental: 'medical',
  nurse: 'nursing',
  nurses: 'nursing',
  'nursing and midwifery registered': 'nursing',
  'nursing and midwifery': 'nursing',
  'registered nursing': 'nursing',
  'additional clinical services': 'nursing',
  midwife: 'midwifery',
  midwives: 'midwifery',
  ahps: 'ahp',
  'allied health': 'ahp',
  'allied health professional': 'ahp',
  'allied health professionals': 'ahp',
  'allied health professions': 'ahp',
  'healthcare science': 'healthcare_science',
  'healthcare scientist': 'healthcare_science',
  'healthcare scientists': 'healthcare_science',
  'add prof scientific and technic': 'healthcare_science',
  'additional professional scientific and technical': 'healthcare_science',
  'scientific and technical': 'healthcare_science',
  pharmacist: 'pharmacy',
  pharmacists: 'pharmacy',
  manager: 'management',
  managers: 'management',
  'senior managers': 'management',
  administrative: 'admin',
  administration: 'admin',
  'administrative and clerical': 'admin',
  'admin and clerical': 'admin',
  clerical: 'admin',
  'estates and ancillary': 'admin',
  estates: 'admin',
  ancillary: 'admin',
  researcher: 'research',
  researchers: 'research',
  'research and development': 'research',
  executives: 'executive',
  board: 'executive',
  'board member': 'executive',
  director: 'executive',
  directors: 'executive',
};

function keyOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, Profession>([
  ...PROFESSIONS.map((profession) => [keyOf(profession), profession] as const),
  ...Object.entries(ALIASES),
]);

/** The staff group a directory's profession text names, or undefined when it is not recognised. */
export function readProfession(text: string): Profession | undefined {
  return LOOKUP.get(keyOf(text));
}
