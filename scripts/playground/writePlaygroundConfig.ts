import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PLAYGROUND_TENANT_ID, PLAYGROUND_USERS, type PlaygroundUser } from './playgroundUsers';

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';
/** The Playground refuses a config whose `users` list has more or fewer than five people. */
export const PLAYGROUND_OTHER_USERS = 5;

/**
 * The Playground's YAML config with `current` as the signed-in user and everyone else as the other
 * users of the tenant (its schema wants exactly five). The personal chat id is fixed per person so
 * the conversation the bot remembers for them stays the same across restarts.
 */
export function renderPlaygroundConfig(current: PlaygroundUser): string {
  // Its schema takes exactly five other users: the first five who are not the signed-in one.
  const others = PLAYGROUND_USERS.filter((candidate) => candidate.key !== current.key).slice(
    0,
    PLAYGROUND_OTHER_USERS,
  );
  return [
    '# Written by scripts/playground/writePlaygroundConfig.ts for one Playground identity.',
    'version: "0.1.1"',
    `tenantId: ${quote(PLAYGROUND_TENANT_ID)}`,
    'bot:',
    `  id: ${quote('00000000-0000-0000-0000-00000000000011')}`,
    `  name: ${quote('Job Shadowing')}`,
    'currentUser:',
    ...renderUser(current, '  '),
    'users:',
    ...others.flatMap((other) =>
      renderUser(other, '    ').map((line, i) => (i === 0 ? `  - ${line.trimStart()}` : line)),
    ),
    'personalChat:',
    `  id: ${quote(`personal-chat-${current.key}`)}`,
    'groupChat:',
    `  id: ${quote('group-chat-demo')}`,
    `  name: ${quote('Shadowing demo group')}`,
    'team:',
    `  id: ${quote('team-demo')}`,
    `  name: ${quote('Northmoor Hospitals')}`,
    `  aadGroupId: ${quote('00000000-0000-0000-0000-000000000031')}`,
    '  channels:',
    `    - id: ${quote('channel-general')}`,
    `      name: ${quote('General')}`,
    '',
  ].join('\n');
}

/** Writes the config for `current` into `directory` and returns the file's path. */
export async function writePlaygroundConfig(directory: string, current: PlaygroundUser): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, PLAYGROUND_CONFIG_FILE);
  await writeFile(file, renderPlaygroundConfig(current), 'utf8');
  return file;
}

function renderUser(person: PlaygroundUser, indent: string): string[] {
  const fields = ['id', 'name', 'userPrincipleName', 'aadObjectId', 'givenName', 'surname', 'email'] as const;
  return fields.map((field) => `${indent}${field}: ${quote(person[field])}`);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function quote(value: string): string {
  return JSON.stringify(value);
}
