import type { Profession } from '../domain/people';
import { readProfession } from '../domain/import/readProfession';
import type { GraphClient } from './graphClient';
import { GraphNotFoundError } from './graphErrors';
import { TtlCache } from './ttlCache';

/** A directory entry as Entra ID holds it, with the Trust's staff group read from the field it uses. */
export interface DirectoryProfile {
  id: string;
  /** mail, else userPrincipalName; lower case. */
  email: string;
  name: string;
  jobTitle: string;
  department: string;
  /** What the profession field says; undefined when empty. */
  professionText?: string;
  /** The staff group that text names; undefined when not recognised. */
  profession?: Profession;
}

export interface GraphDirectoryOptions {
  /**
   * Where the Trust keeps the staff group: a user property (`employeeType`, `department`), an
   * on-premises extension attribute (`onPremisesExtensionAttributes.extensionAttribute3`) or a
   * directory extension (`extension_<appId>_staffGroup`).
   */
  professionField?: string;
  /** How long a profile or manager is kept before Graph is asked again. */
  ttlMs?: number;
  now?: () => number;
}

/** A field name or a two-part path of them: nothing that could change the query. */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;
const BASE_FIELDS = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department'];
const READ_USERS = 'User.Read.All';

export function checkProfessionField(field: string): boolean {
  return FIELD_PATH.test(field);
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  [field: string]: unknown;
}

/** People's profiles and line managers from Entra ID through Microsoft Graph, cached for a while. */
export class GraphDirectory {
  private readonly professionPath: string[];
  private readonly profiles: TtlCache<DirectoryProfile>;
  private readonly managers: TtlCache<string | undefined>;

  constructor(
    private readonly graph: GraphClient,
    options: GraphDirectoryOptions = {},
  ) {
    const field = options.professionField ?? 'employeeType';
    if (!checkProfessionField(field))
      throw new RangeError(
        `GRAPH_PROFESSION_FIELD: "${field}" is not a Graph user property or property.subproperty.`,
      );
    this.professionPath = field.split('.');
    const ttlMs = options.ttlMs ?? 15 * 60_000;
    this.profiles = new TtlCache(ttlMs, options.now);
    this.managers = new TtlCache(ttlMs, options.now);
  }

  /** The person's profile. Throws GraphNotFoundError when Entra ID has no such user. */
  async readProfile(userId: string): Promise<DirectoryProfile> {
    return this.profiles.getOrLoad(userId, async () => {
      const select = [...new Set([...BASE_FIELDS, this.professionPath[0] as string])].join(',');
      const user = await this.graph.get<GraphUser>(`/users/${encodeURIComponent(userId)}?$select=${select}`, {
        permission: READ_USERS,
      });
      return this.toProfile(user);
    });
  }

  /** The line manager's id (their Entra ID object id), or undefined when none is set. */
  async readManagerId(userId: string): Promise<string | undefined> {
    return this.managers.getOrLoad(userId, async () => {
      try {
        const manager = await this.graph.get<{ id?: string }>(
          `/users/${encodeURIComponent(userId)}/manager?$select=id`,
          { permission: READ_USERS },
        );
        return manager?.id;
      } catch (error) {
        // Graph answers 404 both for "no manager" and for an unknown user; readProfile tells them apart.
        if (error instanceof GraphNotFoundError) return undefined;
        throw error;
      }
    });
  }

  private toProfile(user: GraphUser): DirectoryProfile {
    const professionText = readText(readPath(user, this.professionPath));
    return {
      id: user.id,
      email: (readText(user.mail) ?? readText(user.userPrincipalName) ?? '').toLowerCase(),
      name: readText(user.displayName) ?? '',
      jobTitle: readText(user.jobTitle) ?? '',
      department: readText(user.department) ?? '',
      ...(professionText === undefined ? {} : { professionText, profession: readProfession(professionText) }),
    };
  }
}

function readPath(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined,
    value,
  );
}

function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
