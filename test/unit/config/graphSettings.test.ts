import { readGraphSettings, type GraphSettingsResult } from '../../../src/config/graphSettings';

const TEAM_A = '19A7F3C2-0000-4000-8000-0000000000AA';
const TEAM_B = '19a7f3c2-0000-4000-8000-0000000000bb';
const CATALOG = 'f1e2d3c4-0000-4000-8000-0000000000c1';

function problemsOf(result: GraphSettingsResult): string[] {
  return result.ok ? [] : result.problems;
}

describe('readGraphSettings', () => {
  it('is off by default, reading employeeType from Microsoft Graph v1.0', () => {
    expect(readGraphSettings({})).toEqual({
      ok: true,
      settings: {
        enabled: false,
        professionField: 'employeeType',
        shiftsTeamIds: [],
        baseUrl: 'https://graph.microsoft.com/v1.0',
      },
    });
  });

  it('reads every setting, with team ids in lower case and once each', () => {
    const result = readGraphSettings({
      GRAPH_ENABLED: ' yes ',
      GRAPH_PROFESSION_FIELD: 'onPremisesExtensionAttributes.extensionAttribute3',
      GRAPH_SHIFTS_TEAM_IDS: ` ${TEAM_A}, ${TEAM_B},,${TEAM_A.toLowerCase()} `,
      TEAMS_APP_CATALOG_ID: CATALOG.toUpperCase(),
      GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/',
      NODE_ENV: 'production',
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        enabled: true,
        professionField: 'onPremisesExtensionAttributes.extensionAttribute3',
        shiftsTeamIds: [TEAM_A.toLowerCase(), TEAM_B],
        catalogAppId: CATALOG,
        baseUrl: 'https://graph.microsoft.us/v1.0',
      },
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['FALSE', false],
    ['no', false],
    ['', false],
  ])('reads GRAPH_ENABLED=%s as %s', (text, enabled) => {
    const result = readGraphSettings({ GRAPH_ENABLED: text });
    expect(result.ok && result.settings.enabled).toBe(enabled);
  });

  it('names each wrong setting, checked even while Graph is off', () => {
    const problems = problemsOf(
      readGraphSettings({
        GRAPH_ENABLED: 'maybe',
        GRAPH_PROFESSION_FIELD: 'employeeType,mail&$expand=manager',
        GRAPH_SHIFTS_TEAM_IDS: `${TEAM_A},Ward 7 rota`,
        TEAMS_APP_CATALOG_ID: 'com.example.shadowing',
        GRAPH_BASE_URL: 'graph.microsoft.com',
      }),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'GRAPH_ENABLED',
      'GRAPH_PROFESSION_FIELD',
      'GRAPH_SHIFTS_TEAM_IDS',
      'TEAMS_APP_CATALOG_ID',
      'GRAPH_BASE_URL',
    ]);
    expect(problems[2]).toContain('"Ward 7 rota"');
    expect(problems[2]).not.toContain(TEAM_A);
  });

  it('accepts plain http only to a loopback stub, outside production', () => {
    expect(readGraphSettings({ GRAPH_BASE_URL: 'http://127.0.0.1:4567/v1.0', NODE_ENV: 'test' })).toEqual({
      ok: true,
      settings: expect.objectContaining({ baseUrl: 'http://127.0.0.1:4567/v1.0' }),
    });
    expect(problemsOf(readGraphSettings({ GRAPH_BASE_URL: 'http://graph.example.net/v1.0' }))).toEqual([
      'GRAPH_BASE_URL: must be an https URL (plain http only to a test stub on 127.0.0.1), not "http://graph.example.net".',
    ]);
  });

  it('refuses anything but https in production, even to loopback', () => {
    expect(
      problemsOf(readGraphSettings({ GRAPH_BASE_URL: 'http://127.0.0.1:4567/v1.0', NODE_ENV: 'production' })),
    ).toEqual([
      'GRAPH_BASE_URL: must be an https URL without a user name when NODE_ENV=production, not "http://127.0.0.1:4567".',
    ]);
    expect(
      problemsOf(
        readGraphSettings({
          GRAPH_BASE_URL: 'https://me:secret@graph.microsoft.com/v1.0',
          NODE_ENV: 'production',
        }),
      ),
    ).toHaveLength(1);
  });
});
