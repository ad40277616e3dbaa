import { Command, CommanderError } from 'commander';
import { PLAYGROUND_USERS, findPlaygroundUser, type PlaygroundUser } from './playgroundUsers';

export const FIRST_PLAYGROUND_PORT = 56150;

export interface StartOptions {
  /** Who gets a Playground, in port order. */
  people: PlaygroundUser[];
  firstPort: number;
}

/** Reads `npm start -- [--people alex,megan] [--everyone] [--first-port N]`. Throws with a usable message. */
export function readStartOptions(argv: string[]): StartOptions {
  const program = new Command('npm start --')
    .description('Starts the bot and one Microsoft 365 Agents Playground per demo person, all on 127.0.0.1.')
    .option(
      '--people <names>',
      `comma-separated demo people (${PLAYGROUND_USERS.map((u) => u.key).join(', ')})`,
      'alex',
    )
    .option('--everyone', 'a Playground for each of the seven demo people', false)
    .option(
      '--first-port <port>',
      'port of the first Playground; the others follow it',
      String(FIRST_PLAYGROUND_PORT),
    )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (text) => process.stdout.write(text) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.helpDisplayed') throw new HelpShown();
    throw new Error(error instanceof Error ? error.message.replace(/^error: /, '') : String(error), {
      cause: error,
    });
  }
  const raw = program.opts<{ people: string; everyone: boolean; firstPort: string }>();
  return {
    people: raw.everyone ? [...PLAYGROUND_USERS] : readPeople(raw.people),
    firstPort: readPort(raw.firstPort),
  };
}

/** `--help` was asked for and printed: nothing to start. */
export class HelpShown extends Error {}

function readPeople(list: string): PlaygroundUser[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const people: PlaygroundUser[] = [];
  for (const name of names) {
    const person = findPlaygroundUser(name.split(/\s+/)[0] ?? name);
    if (!person) {
      throw new Error(
        `--people: "${name}" is not a demo person; use ${PLAYGROUND_USERS.map((u) => u.key).join(', ')}.`,
      );
    }
    if (!people.includes(person)) people.push(person);
  }
  if (people.length === 0)
    throw new Error('--people: name at least one demo person, for example --people alex,megan.');
  return people;
}

function readPort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1024 || port > 65535 - PLAYGROUND_USERS.length) {
    throw new Error(
      `--first-port: "${text}" is not a usable port (1024 to ${65535 - PLAYGROUND_USERS.length}).`,
    );
  }
  return port;
}
