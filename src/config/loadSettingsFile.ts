import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/**
 * A settings file that cannot be used. Each problem reads `file:line: setting: problem`, so a
 * person can go straight to the line; `problems` holds them one by one.
 */
export class SettingsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`The settings file ${file} cannot be used:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SettingsFileError';
  }
}

/**
 * Reads a settings file (JSON, or YAML for .yaml/.yml) and checks it with a zod schema. Throws
 * SettingsFileError listing every problem as `file:line: setting: problem`, the setting being the
 * path inside the file (e.g. `rules.2.maxHours`). Rule sets, cover rates and any other file of
 * settings go through here, so every one reports its mistakes the same way.
 */
export async function loadSettingsFile<S extends z.ZodTypeAny>(file: string, schema: S): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? 'error'})`;
    throw new SettingsFileError(file, [`${file}: ${why}`]);
  }
  return parseSettingsText(file, text, schema);
}

/** As `loadSettingsFile`, for text already read; `file` names it in the messages. */
export function parseSettingsText<S extends z.ZodTypeAny>(file: string, text: string, schema: S): z.infer<S> {
  const lines = new LineCounter();
  const yamlFile = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  const body = text.replace(/^\uFEFF/, '');
  const document = parseDocument(body, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    ...(yamlFile ? {} : { schema: 'json' as const }),
  });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const jsonProblem = yamlFile ? undefined : checkJson(body, document, lineAt);
  if (jsonProblem) throw new SettingsFileError(file, [`${file}:${jsonProblem.line}: ${jsonProblem.message}`]);
  if (document.errors.length > 0) {
    throw new SettingsFileError(
      file,
      document.errors.map((error) => `${file}:${lineAt(error.pos[0])}: ${firstLine(error.message)}`),
    );
  }
  const parsed = schema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (parsed.success) return parsed.data;
  throw new SettingsFileError(
    file,
    parsed.error.issues.map((issue) => {
      const setting = issue.path.length > 0 ? issue.path.join('.') : 'the file';
      return `${file}:${lineOf(document, issue.path, lineAt)}: ${setting}: ${issue.message}`;
    }),
  );
}

/** The line of the deepest part of `path` the file has (the key for a missing field's object). */
function lineOf(
  document: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
): number {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return document.contents?.range ? lineAt(document.contents.range[0]) : 1;
}

/**
 * YAML accepts more than JSON does, so a .json file is also held to JSON itself. The line comes
 * from the JSON error where it says, else from where the YAML reader stumbled.
 */
function checkJson(text: string, document: Document, lineAt: (offset: number) => number) {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const fallback = document.errors[0]?.pos[0];
    const offset = position !== undefined ? Number(position) : fallback;
    const reason = message.split(/, "|\s+in JSON at position|\s*\(line \d+/)[0] ?? message;
    return { line: offset === undefined ? 1 : lineAt(offset), message: `not valid JSON (${reason})` };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
