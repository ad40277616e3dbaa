/**
 * Ids of the demo staff who are also the Microsoft 365 Agents Playground's built-in users. Each id
 * is that user's `aadObjectId`, verbatim (the last group has 13 digits), so a person chatting in the
 * Playground as Alex Wilber is Alex in the demo organisation.
 */
export const DEMO_IDS = {
  alex: '00000000-0000-0000-0000-0000000000020',
  megan: '00000000-0000-0000-0000-0000000000021',
  adele: '00000000-0000-0000-0000-0000000000022',
  isaiah: '00000000-0000-0000-0000-0000000000023',
  patti: '00000000-0000-0000-0000-0000000000024',
  lynne: '00000000-0000-0000-0000-0000000000025',
  /** Not one of the Playground's built-in users: the seventh identity, a rota coordinator. */
  miriam: '00000000-0000-0000-0000-0000000000026',
} as const;

export type PlaygroundKey = keyof typeof DEMO_IDS;

/** The Playground's built-in tenant. */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

export const DEMO_ORGANISATION_NAME = 'Northmoor Hospitals NHS Foundation Trust';
export const DEMO_EMAIL_DOMAIN = 'northmoor-nhs.example';

/** A stable GUID-shaped id for the demo person at `index` (hex digits only). */
export function makeDemoPersonId(index: number): string {
  return `de40a000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function isPlaygroundKey(key: string): key is PlaygroundKey {
  return Object.prototype.hasOwnProperty.call(DEMO_IDS, key);
}
