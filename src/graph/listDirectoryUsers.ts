import type { GraphClient } from './graphClient';
import { GraphNotFoundError } from './graphErrors';

/** Whose entries a directory sync reads from Entra ID. */
export type DirectoryScope =
  | { kind: 'users'; users: readonly string[] }
  /** A security group of staff, nested groups included. */
  | { kind: 'group'; groupId: string }
  /** Every enabled member account of the tenant (guests left out). */
  | { kind: 'tenant' };

export interface ScopeUsers {
  /** Entra ID object ids, each once, in the order Graph gave them. */
  ids: string[];
  /** Users named with --user that Entra ID does not know. */
  notFound: string[];
}

interface ListedUser {
  id: string;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@'",;/\\?#]+@[^\s@'",;/\\?#]+\.[^\s@'",;/\\?#]+$/;
/** The most users Graph returns in one page. */
const PAGE = 999;
const LIST_FIELDS = '$select=id,accountEnabled,userType';

/** The Entra ID object ids in the scope, read page by page. */
export async function listDirectoryUsers(graph: GraphClient, scope: DirectoryScope): Promise<ScopeUsers> {
  if (scope.kind === 'users') return resolveUsers(graph, scope.users);
  const listed =
    scope.kind === 'group'
      ? await graph.list<ListedUser>(
          `/groups/${encodeURIComponent(scope.groupId)}/transitiveMembers/microsoft.graph.user?${LIST_FIELDS}&$top=${PAGE}`,
          { permission: 'GroupMember.Read.All' },
        )
      : await graph.list<ListedUser>(`/users?${LIST_FIELDS}&$top=${PAGE}`, { permission: 'User.Read.All' });
  const staff = listed.filter(
    (user) => user.accountEnabled !== false && (user.userType ?? 'Member') === 'Member',
  );
  return { ids: [...new Set(staff.map((user) => user.id))], notFound: [] };
}

/** Checks that a --user value is an object id or an email before it goes anywhere near a URL or filter. */
export function checkUserReference(reference: string): boolean {
  return GUID.test(reference) || EMAIL.test(reference);
}

async function resolveUsers(graph: GraphClient, references: readonly string[]): Promise<ScopeUsers> {
  const ids: string[] = [];
  const notFound: string[] = [];
  for (const reference of references) {
    const id = await resolveUser(graph, reference);
    if (id === undefined) notFound.push(reference);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, notFound };
}

/** An object id or sign-in name as Graph knows it, else the account whose mail it is. */
async function resolveUser(graph: GraphClient, reference: string): Promise<string | undefined> {
  if (!checkUserReference(reference))
    throw new RangeError(`"${reference}" is neither an Entra ID object id nor an email address.`);
  try {
    return (
      await graph.get<{ id: string }>(`/users/${encodeURIComponent(reference)}?$select=id`, {
        permission: 'User.Read.All',
      })
    )?.id;
  } catch (error) {
    if (!(error instanceof GraphNotFoundError)) throw error;
    if (GUID.test(reference)) return undefined;
  }
  const filter = encodeURIComponent(`mail eq '${reference.toLowerCase()}'`);
  const matches = await graph.list<{ id: string }>(`/users?$filter=${filter}&$select=id`, {
    permission: 'User.Read.All',
  });
  return matches.length === 1 ? matches[0]?.id : undefined;
}
