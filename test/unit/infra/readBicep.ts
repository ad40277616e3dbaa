import fs from 'node:fs';
import path from 'node:path';

export const INFRA = path.resolve(__dirname, '../../../infra');

export function readInfraFile(name: string): string {
  return fs.readFileSync(path.join(INFRA, name), 'utf8');
}

export interface BicepParam {
  name: string;
  type: string;
  defaultText?: string;
  allowed?: string[];
}

/** The `param` lines of a Bicep file with their @allowed lists: enough to check a parameters file. */
export function readParams(text: string): BicepParam[] {
  const params: BicepParam[] = [];
  let allowed: string[] | undefined;
  let collecting = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '@allowed([') {
      collecting = true;
      allowed = [];
      continue;
    }
    if (collecting) {
      if (line === '])') collecting = false;
      else allowed!.push(line.replace(/^'|'$/g, ''));
      continue;
    }
    const match = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (match) {
      params.push({ name: match[1]!, type: match[2]!, defaultText: match[3], allowed });
      allowed = undefined;
    }
  }
  return params;
}

/**
 * The keys and raw values of a top-level `var <name> = { ... }` object whose entries are one
 * `KEY: value` per line.
 */
export function readObjectVar(text: string, name: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `var ${name} = {`);
  if (start < 0) throw new Error(`var ${name} not found`);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '}') return entries;
    const match = /^\s+(\w+): (.+)$/.exec(line);
    if (!match) throw new Error(`var ${name}: cannot read line "${line}"`);
    entries[match[1]!] = match[2]!.trim();
  }
  throw new Error(`var ${name}: no closing brace`);
}

/**
 * The value an app setting takes at deployment: a literal, a parameter at its default, `string(p)`,
 * `p ? 'a' : 'b'`, or one of the stand-ins for what Azure fills in (identity, tenant, endpoints).
 */
export function evaluateSetting(
  expression: string,
  params: readonly BicepParam[],
  standIns: Readonly<Record<string, string>>,
): string {
  const literal = /^'([^']*)'$/.exec(expression);
  if (literal) return literal[1]!;
  const standIn = standIns[expression];
  if (standIn !== undefined) return standIn;
  const toString = /^string\((\w+)\)$/.exec(expression);
  if (toString) return evaluateSetting(toString[1]!, params, standIns);
  const choice = /^(\w+) \? '([^']*)' : '([^']*)'$/.exec(expression);
  if (choice) return evaluateSetting(choice[1]!, params, standIns) === 'true' ? choice[2]! : choice[3]!;
  const param = params.find((p) => p.name === expression);
  if (param?.defaultText !== undefined) return evaluateSetting(param.defaultText, params, standIns);
  if (param) throw new Error(`parameter ${expression} has no default`);
  if (/^-?\d+$|^true$|^false$/.test(expression)) return expression;
  throw new Error(`no stand-in value for the Bicep expression ${expression}`);
}
