import type { GraphStub, StubRequest, StubResponse } from '../../support/graphStub';

/** A user as Entra ID holds it, with the line manager's id beside it. */
export interface EntraUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  employeeType?: string | null;
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
  managerId?: string;
}

export const IDS = {
  nurse: '0a000000-0000-4000-8000-000000000001',
  doctor: '0a000000-0000-4000-8000-000000000002',
  matron: '0a000000-0000-4000-8000-000000000003',
  porter: '0a000000-0000-4000-8000-000000000004',
  guest: '0a000000-0000-4000-8000-000000000005',
  leaver: '0a000000-0000-4000-8000-000000000006',
  physio: '0a000000-0000-4000-8000-000000000007',
} as const;

export const STAFF_GROUP = '9b000000-0000-4000-8000-0000000000a1';

/** A small Trust: the ward's staff group holds everyone but the matron (their line manager). */
export const ENTRA_USERS: EntraUser[] = [
  {
    id: IDS.nurse,
    displayName: 'Priya Shah',
    mail: 'Priya.Shah@trust.example.nhs.uk',
    userPrincipalName: 'pshah@trust.example.nhs.uk',
    jobTitle: 'Staff Nurse',
    department: 'Ward 7',
    employeeType: 'Nursing and Midwifery Registered',
    managerId: IDS.matron,
  },
  {
    id: IDS.doctor,
    displayName: "Tom O'Neill",
    mail: 'tom.oneill@trust.example.nhs.uk',
    userPrincipalName: 'toneill@trust.example.nhs.uk',
    jobTitle: 'FY1 Doctor',
    department: 'Respiratory',
    employeeType: 'Medical and Dental',
    managerId: IDS.nurse,
  },
  {
    id: IDS.matron,
    displayName: 'Grace Okafor',
    mail: 'grace.okafor@trust.example.nhs.uk',
    userPrincipalName: 'gokafor@trust.example.nhs.uk',
    jobTitle: 'Matron',
    department: 'Medicine',
    employeeType: 'Nursing and Midwifery Registered',
  },
  {
    id: IDS.porter,
    displayName: 'Sam Lee',
    mail: null,
    userPrincipalName: 'slee@trust.example.nhs.uk',
    jobTitle: 'Porter',
    department: 'Estates',
    employeeType: null,
    managerId: IDS.matron,
  },
  {
    id: IDS.guest,
    displayName: 'Visiting Auditor',
    mail: 'auditor@example.com',
    userPrincipalName: 'auditor_example.com#EXT#@trust.onmicrosoft.com',
    jobTitle: null,
    department: null,
    employeeType: 'Administrative and Clerical',
    userType: 'Guest',
  },
  {
    id: IDS.leaver,
    displayName: 'Left Already',
    mail: 'left@trust.example.nhs.uk',
    userPrincipalName: 'left@trust.example.nhs.uk',
    jobTitle: 'Nurse',
    department: 'Ward 7',
    employeeType: 'Nursing and Midwifery Registered',
    accountEnabled: false,
  },
  {
    id: IDS.physio,
    displayName: 'Lynne Robbins',
    mail: 'lynne.robbins@trust.example.nhs.uk',
    userPrincipalName: 'lrobbins@trust.example.nhs.uk',
    jobTitle: 'Physiotherapist',
    department: 'Therapies',
    employeeType: 'Allied Health Professionals',
  },
];

/**
 * Routes a stub to answer for these users: profiles with only the fields asked for, managers,
 * the staff group's members (two pages) and the tenant's users (one page), and a mail filter.
 */
export function serveEntra(stub: GraphStub, users: readonly EntraUser[] = ENTRA_USERS): void {
  const find = (reference: string) =>
    users.find((u) => u.id === reference || u.userPrincipalName.toLowerCase() === reference.toLowerCase());
  stub.route('GET', /^\/users\/[^/]+$/, (request) => {
    const user = find(decodeURIComponent(request.path.slice('/users/'.length)));
    return user ? { body: pick(user, request) } : notFound();
  });
  stub.route('GET', /^\/users\/[^/]+\/manager$/, (request) => {
    const user = find(decodeURIComponent(request.path.split('/')[2] ?? ''));
    return user?.managerId ? { body: { id: user.managerId } } : notFound();
  });
  const inGroup = users.filter((u) => u.id !== IDS.matron);
  stub.route('GET', `/groups/${STAFF_GROUP}/transitiveMembers/microsoft.graph.user`, (request) => {
    const second = request.query.get('page') === '2';
    const half = Math.ceil(inGroup.length / 2);
    const page = (second ? inGroup.slice(half) : inGroup.slice(0, half)).map((u) => pick(u, request));
    return {
      body: {
        value: page,
        ...(second
          ? {}
          : {
              '@odata.nextLink': `${stub.baseUrl}/groups/${STAFF_GROUP}/transitiveMembers/microsoft.graph.user?$select=${request.query.get('$select') ?? ''}&page=2`,
            }),
      },
    };
  });
  stub.route('GET', '/users', (request) => {
    const filter = request.query.get('$filter');
    const mail = /^mail eq '(.*)'$/.exec(filter ?? '')?.[1];
    const listed = mail === undefined ? users : users.filter((u) => u.mail?.toLowerCase() === mail);
    return { body: { value: listed.map((u) => pick(u, request)) } };
  });
}

function pick(user: EntraUser, request: StubRequest): Record<string, unknown> {
  const fields = (request.query.get('$select') ?? '').split(',');
  const full: Record<string, unknown> = { accountEnabled: true, userType: 'Member', ...user };
  delete full.managerId;
  return Object.fromEntries(Object.entries(full).filter(([key]) => fields.includes(key)));
}

function notFound(): StubResponse {
  return {
    status: 404,
    body: { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } },
  };
}
