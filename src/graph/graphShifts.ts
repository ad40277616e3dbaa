import type { IncomingShift } from '../domain/import/mergeShifts';
import type { GraphClient, GraphRequest } from './graphClient';
import {
  mapShift,
  mapTimeOff,
  type ShiftsShift,
  type ShiftsTimeOff,
  type ShiftsTimeOffReason,
} from './mapShiftsItems';

export interface GraphShiftsOptions {
  /**
   * A user id sent as MS-APP-ACTS-AS: Shifts asks for one when the token is an application
   * token. Usually an owner of the team.
   */
  actAsUserId?: string;
}

const READ_SCHEDULE = 'Schedule.Read.All';

/** Microsoft Shifts as a rota source: a team's published shifts and time off, as rota entries. */
export class GraphShifts {
  constructor(
    private readonly graph: GraphClient,
    private readonly options: GraphShiftsOptions = {},
  ) {}

  /**
   * Everything that starts at or after `from` and ends by `to`, every page of it, each entry marked
   * as read from Microsoft Shifts for this team.
   */
  async readRota(teamId: string, from: Date, to: Date): Promise<IncomingShift[]> {
    const schedule = `/teams/${encodeURIComponent(teamId)}/schedule`;
    const window = (prefix: string) =>
      `$filter=${encodeURIComponent(`${prefix}/startDateTime ge ${from.toISOString()} and ${prefix}/endDateTime le ${to.toISOString()}`)}`;
    const [shifts, timesOff, reasons] = await Promise.all([
      this.graph.list<ShiftsShift>(`${schedule}/shifts?${window('sharedShift')}`, this.request()),
      this.graph.list<ShiftsTimeOff>(`${schedule}/timesOff?${window('sharedTimeOff')}`, this.request()),
      this.graph.list<ShiftsTimeOffReason>(`${schedule}/timeOffReasons`, this.request()),
    ]);
    const reasonNames = new Map(reasons.map((reason) => [reason.id, reason.displayName ?? '']));
    return [...shifts.map(mapShift), ...timesOff.map((item) => mapTimeOff(item, reasonNames))].flatMap(
      (entry): IncomingShift[] =>
        entry ? [{ ...entry, shift: { ...entry.shift, source: 'shifts', shiftsTeam: teamId } }] : [],
    );
  }

  private request(): GraphRequest {
    return {
      permission: READ_SCHEDULE,
      ...(this.options.actAsUserId ? { headers: { 'MS-APP-ACTS-AS': this.options.actAsUserId } } : {}),
    };
  }
}
