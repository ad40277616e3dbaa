/** The things a person can ask for by name, whether typed or clicked on a card. */
export const COMMANDS = ['help', 'new_request', 'offer_to_host', 'my_requests', 'my_offers'] as const;
export type Command = (typeof COMMANDS)[number];

const PHRASES: Record<Command, string[]> = {
  help: ['help', 'menu', 'what can you do', 'hi', 'hello', 'start', 'commands', '?'],
  new_request: ['new request', 'request a visit', 'request', 'shadow', 'i want to shadow'],
  offer_to_host: ['offer to host', 'host', 'offer', 'become a host'],
  my_requests: ['my requests', 'requests', 'my visits', 'status'],
  my_offers: ['my offers', 'offers', 'my hosting'],
};

/** Each phrase's command: a message typed exactly as a phrase is found without normalising it. */
const BY_PHRASE = new Map<string, Command>(
  COMMANDS.flatMap((command) => PHRASES[command].map((phrase) => [phrase, command] as const)),
);

/** Reads a typed message as a command, or undefined when it is not one. */
export function parseCommand(text: string): Command | undefined {
  const exact = BY_PHRASE.get(text.toLowerCase());
  if (exact) return exact;
  const normalised = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return COMMANDS.find((command) => PHRASES[command].includes(normalised));
}

/** Commands that show the person only their own data: see `recognisePerson` (src/teams/identity.ts). */
export const OWN_DATA_COMMANDS: ReadonlySet<Command> = new Set<Command>(['my_requests', 'my_offers']);

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
