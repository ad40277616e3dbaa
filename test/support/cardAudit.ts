import * as AC from 'adaptivecards/dist/adaptivecards.js';
import { DateTime } from 'luxon';
import { parseWhen } from '../../src/domain/requestDialog/parseWhen';

type Json = Record<string, unknown>;

/** About this many words of text need a heading above them. */
export const WORDS_WITHOUT_HEADING = 100;
const STYLED_CONTAINERS = new Set(['good', 'attention', 'warning', 'accent', 'emphasis']);
/** Words that lead a coloured line, so its meaning is also in words: "Please check: ...". */
const LABELLED = /^[A-Z][\p{L} ]{1,30}:\s/u;

/** Every way a card can fail people: each problem as one line, naming where it is. */
export function auditCard(card: unknown, today: Date): string[] {
  return [
    ...schemaProblems(card),
    ...inputProblems(card),
    ...imageProblems(card),
    ...colourProblems(card),
    ...longTextProblems(card),
    ...exampleProblems(cardStrings(card), today),
  ];
}

/** What the adaptivecards parser and validator report against schema 1.5. */
export function schemaProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    problems.push(`schema 1.5 (${AC.ValidationEvent[event.event]}): ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validation (${AC.ValidationEvent[event.event]}): ${event.message}`);
  return problems;
}

function inputProblems(card: unknown): string[] {
  const problems: string[] = [];
  walk(card, (node, path) => {
    if (typeof node.type !== 'string' || !node.type.startsWith('Input.')) return;
    if (typeof node.label !== 'string' || node.label.trim() === '')
      problems.push(`${path}: ${node.type} "${String(node.id)}" has no label`);
    if (node.isRequired === true && typeof node.errorMessage !== 'string')
      problems.push(
        `${path}: required ${node.type} "${String(node.id)}" does not say what is wrong when empty`,
      );
  });
  return problems;
}

function imageProblems(card: unknown): string[] {
  const problems: string[] = [];
  walk(card, (node, path) => {
    if (node.type === 'Image' && (typeof node.altText !== 'string' || node.altText.trim() === ''))
      problems.push(`${path}: image without alt text`);
  });
  return problems;
}

/** Colour never carries meaning alone: coloured text says what it is in words, styled blocks sit by text. */
function colourProblems(card: unknown): string[] {
  const problems: string[] = [];
  walk(card, (node, path, parents) => {
    if (typeof node.color === 'string' && node.color !== 'Default') {
      const text = String(node.text ?? '');
      if (!LABELLED.test(text))
        problems.push(`${path}: "${text.slice(0, 40)}" is told apart by colour alone`);
    }
    if (typeof node.style === 'string' && STYLED_CONTAINERS.has(node.style)) {
      const near = parents.slice(-3).some((parent) => hasWords(parent, node));
      if (!near && !hasWords(node)) problems.push(`${path}: a ${node.style} block with no words beside it`);
    }
  });
  return problems;
}

function hasWords(node: unknown, except?: unknown): boolean {
  let found = false;
  walk(node, (child) => {
    if (child === except) return false;
    for (const key of ['text', 'value', 'title'])
      if (typeof child[key] === 'string' && /[\p{L}\p{N}]/u.test(child[key] as string)) found = true;
    return undefined;
  });
  return found;
}

/** Text of more than about 100 words comes after a heading. */
function longTextProblems(card: unknown): string[] {
  const problems: string[] = [];
  let headingSeen = false;
  walk(card, (node, path) => {
    if (isHeading(node)) headingSeen = true;
    const text = textOf(node);
    if (text === undefined) return;
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words > WORDS_WITHOUT_HEADING && !headingSeen)
      problems.push(`${path}: ${words} words with no heading above them`);
  });
  return problems;
}

function isHeading(node: Json): boolean {
  if (node.type === 'TextBlock') return node.style === 'heading' || node.weight === 'Bolder';
  if (node.type === 'RichTextBlock') {
    const first = (node.inlines as Json[] | undefined)?.[0];
    return first?.weight === 'Bolder';
  }
  return false;
}

function textOf(node: Json): string | undefined {
  if (node.type === 'TextBlock') return String(node.text ?? '');
  if (node.type === 'RichTextBlock')
    return ((node.inlines as Json[]) ?? []).map((i) => String(i.text ?? '')).join(' ');
  if (node.type === 'Fact') return String(node.value ?? '');
  return undefined;
}

/** Every string a person reads on the card. */
export function cardStrings(card: unknown): string[] {
  const found: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'placeholder', 'label', 'errorMessage', 'tooltip'])
      if (typeof node[key] === 'string') found.push(node[key] as string);
  });
  return found;
}

/**
 * Examples of dates ('for example "Fri 4 Dec"') that read, from today, as a day in the next six
 * months: an example in the past or a year away is a problem.
 */
export function exampleProblems(strings: string[], today: Date): string[] {
  const problems = new Set<string>();
  const latest = DateTime.fromJSDate(today).plus({ months: 6 });
  for (const text of strings.filter((s) => /for example|such as|e\.g\.|\btry\b/i.test(s))) {
    for (const [, quoted] of text.matchAll(/["“]([^"”]{1,60})["”]/g)) {
      if (!looksLikeDate(quoted as string)) continue;
      const when = parseWhen(quoted as string, today);
      if (!when.ok || DateTime.fromISO(when.window.from) > latest)
        problems.add(`the example "${quoted}" is not a day ahead on ${today.toISOString().slice(0, 10)}`);
    }
  }
  return [...problems];
}

function looksLikeDate(text: string): boolean {
  return /\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}\/\d{1,2}\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+\d/i.test(
    text,
  );
}

/** Depth-first, in document order, with the path and the chain of parents; return false to skip a subtree. */
export function walk(
  node: unknown,
  visit: (node: Json, path: string, parents: Json[]) => boolean | void,
  path = '$',
  parents: Json[] = [],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, visit, `${path}[${i}]`, parents));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  const facts = obj.type === 'FactSet' ? (obj.facts as Json[] | undefined) : undefined;
  if (visit(obj, path, parents) === false) return;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'data') continue;
    if (facts && key === 'facts') {
      facts.forEach((fact, i) => visit({ ...fact, type: 'Fact' }, `${path}.facts[${i}]`, [...parents, obj]));
      continue;
    }
    walk(value, visit, `${path}.${key}`, [...parents, obj]);
  }
}
