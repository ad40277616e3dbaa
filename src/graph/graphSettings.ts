import { GRAPH_BASE_URL } from './graphClient';

/** How the bot uses Microsoft Graph. Off unless GRAPH_ENABLED is true. Read and checked by src/config/graphSettings.ts. */
export interface GraphSettings {
  /** GRAPH_ENABLED: directory and Shifts sync, and installing the app for people it cannot reach. */
  enabled: boolean;
  /** GRAPH_PROFESSION_FIELD: the user property (or property.subproperty) holding the staff group. */
  professionField: string;
  /** GRAPH_SHIFTS_TEAM_IDS: the teams whose Shifts schedules feed the rota. */
  shiftsTeamIds: readonly string[];
  /** TEAMS_APP_CATALOG_ID: the app's id in the organisation's app catalogue; without it the app is never installed for anyone. */
  catalogAppId?: string;
  /** GRAPH_BASE_URL: Microsoft Graph v1.0, or a stub in tests. */
  baseUrl: string;
  /** AZURE_CLIENT_ID: the user-assigned managed identity to call Graph as; unset, DefaultAzureCredential chooses. */
  managedIdentityClientId?: string;
}

export const DEFAULT_GRAPH_SETTINGS: GraphSettings = {
  enabled: false,
  professionField: 'employeeType',
  shiftsTeamIds: [],
  baseUrl: GRAPH_BASE_URL,
};
