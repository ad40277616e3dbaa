/** Staff groups as an ESR-style directory records them. */
export const PROFESSIONS = [
  'medical',
  'nursing',
  'midwifery',
  'ahp',
  'healthcare_science',
  'pharmacy',
  'management',
  'admin',
  'research',
  'executive',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Each staff group in plain words. */
export const PROFESSION_WORDS: Readonly<Record<Profession, string>> = {
  medical: 'Doctors (medical)',
  nursing: 'Nursing',
  midwifery: 'Midwifery',
  ahp: 'Allied health professions (AHPs)',
  healthcare_science: 'Healthcare science',
  pharmacy: 'Pharmacy',
  management: 'Management',
  admin: 'Admin and clerical',
  research: 'Research',
  executive: 'Executives',
};

export type Role = 'staff' | 'programme_lead';

/**
 * Where the bot can reach a person proactively. Opaque to the domain: the Teams layer writes and
 * reads it; everything else only checks that it is there.
 */
export type ConversationRef = Record<string, unknown>;

export interface Person {
  /** Stable id: the Entra ID object id (`aadObjectId`) where known. */
  id: string;
  email: string;
  name: string;
  jobTitle: string;
  department: string;
  profession: Profession;
  /** Person id of the line manager, if known. */
  managerId?: string;
  /** Pay grade in one written form (`Band 5`, `FY1`, `ST4`, `Consultant`), if known. */
  grade?: string;
  /** Person id of whoever arranges cover for this person's shifts, if the directory names one. */
  rotaCoordinatorId?: string;
  roles: Role[];
  conversation?: ConversationRef;
  /** Set when the app was removed and proactive messages can no longer reach the person. */
  unreachableSince?: string;
}
