import { DEMO_IDS, DEMO_TENANT_ID, type PlaygroundKey } from '../../src/demo/demoIds';

/** One of the Microsoft 365 Agents Playground's built-in users, as its config file describes them. */
export interface PlaygroundUser {
  key: PlaygroundKey;
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
  /** The part this person plays in the demo organisation, for the start-up message. */
  demoPart: string;
}

export const PLAYGROUND_TENANT_ID = DEMO_TENANT_ID;

/**
 * The Playground's six built-in users, ordered as it lists them (Alex Wilber is its default user),
 * then Miriam Graham, a seventh identity given to it through the same config file.
 */
export const PLAYGROUND_USERS: readonly PlaygroundUser[] = [
  user(
    'alex',
    0,
    'Alex',
    'Wilber',
    'alexw',
    'alexw',
    'FY1 doctor in Acute Medicine who wants to shadow (visitor)',
  ),
  user(
    'megan',
    1,
    'Megan',
    'Bowen',
    'meganb',
    'meganb',
    "Consultant, Alex's line manager (approves Alex's visits)",
  ),
  user('adele', 2, 'Adele', 'Vance', 'adelev', 'adelev', 'Discharge coordinator who hosts visitors (host)'),
  user('isaiah', 3, 'Isaiah', 'Langer', 'isaiah', 'isaiahl', "Head of Patient Flow, Adele's line manager"),
  user('patti', 4, 'Patti', 'Fernandez', 'pattif', 'pattif', 'Programme lead for job shadowing'),
  user('lynne', 5, 'Lynne', 'Robbins', 'lynner', 'lynner', 'Physiotherapist who hosts visitors'),
  user(
    'miriam',
    6,
    'Miriam',
    'Graham',
    'miriamg',
    'miriamg',
    'Rota coordinator for Acute Medicine, A&E and Critical Care (arranges cover)',
  ),
];

function user(
  key: PlaygroundKey,
  index: number,
  givenName: string,
  surname: string,
  upnName: string,
  emailName: string,
  demoPart: string,
): PlaygroundUser {
  return {
    key,
    id: `user-id-${index}`,
    name: `${givenName} ${surname}`,
    userPrincipleName: `${upnName}@example.com`,
    aadObjectId: DEMO_IDS[key],
    givenName,
    surname,
    email: `${emailName}@example.com`,
    demoPart,
  };
}

export function findPlaygroundUser(key: string): PlaygroundUser | undefined {
  return PLAYGROUND_USERS.find((candidate) => candidate.key === key.trim().toLowerCase());
}
