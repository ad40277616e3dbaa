import { buildDigest } from '../../../src/domain/digest/buildDigest';
import { buildReport } from '../../../src/domain/digest/buildReport';
import type { DigestContent } from '../../../src/domain/digest/digestTypes';
import { createDigestCard, renderDigestNotification } from '../../../src/teams/cards/digestCard';
import { createReportCard } from '../../../src/teams/cards/reportCard';
import { NOW, PEOPLE, REQUESTS, WEEK, world } from '../../support/digestFixtures';

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  Object.values(node).forEach((n) => walk(n, visit));
}

/** The text of every TextBlock (read as markdown by Teams) and every TextRun (shown as typed). */
function texts(card: unknown): { markdown: string[]; inert: string[] } {
  const markdown: string[] = [];
  const inert: string[] = [];
  walk(card, (obj) => {
    if (obj.type === 'TextBlock') markdown.push(String(obj.text));
    if (obj.type === 'TextRun') inert.push(String(obj.text));
    if (obj.type === 'FactSet')
      for (const fact of obj.facts as Json[]) markdown.push(`${String(fact.title)} ${String(fact.value)}`);
  });
  return { markdown, inert };
}

const HOSTILE_TITLE = '[Click here](https://evil.example) **now** ![x](https://evil.example/x.png)';
const hostileWorld = () =>
  world({
    requests: REQUESTS.map((r) => ({ ...r, offerTitle: HOSTILE_TITLE })),
    people: new Map(
      PEOPLE.map((p) => [p.id, { ...p, name: p.id === 'alex' ? '# Alex <b>Wilber</b>' : p.name }]),
    ),
  });

const digestOf = (id: string, lead = false) =>
  buildDigest(
    { id, name: id, isProgrammeLead: lead },
    { week: WEEK, now: NOW, world: hostileWorld() },
  ) as DigestContent;

describe('the weekly digest card', () => {
  it.each(['megan', 'adele', 'alex'])(
    "shows names and offer titles only as inert text (%s's digest)",
    (id) => {
      const { markdown, inert } = texts(createDigestCard(digestOf(id)));
      expect(inert.some((t) => t.includes(HOSTILE_TITLE))).toBe(true);
      for (const text of markdown) {
        expect(text).not.toContain('evil.example');
        expect(text).not.toContain('<b>');
      }
    },
  );

  it("draws the programme lead's chart with every number written beside its bar, and the series in one sentence", () => {
    const card = createDigestCard(digestOf('patti', true));
    const { markdown } = texts(card);
    expect(markdown).toContain(
      'Visits completed, by period: w/c 19 Jan: 0; w/c 26 Jan: 0; w/c 2 Feb: 0; w/c 9 Feb: 0; w/c 16 Feb: 1; w/c 23 Feb: 2.',
    );
    const rows: string[][] = [];
    walk(card, (obj) => {
      if (obj.type !== 'ColumnSet' || !Array.isArray(obj.columns) || obj.columns.length !== 3) return;
      rows.push(texts(obj).markdown.filter((t) => t.trim() !== ''));
    });
    expect(rows).toEqual([
      ['w/c 19 Jan', '0 visits completed'],
      ['w/c 26 Jan', '0 visits completed'],
      ['w/c 2 Feb', '0 visits completed'],
      ['w/c 9 Feb', '0 visits completed'],
      ['w/c 16 Feb', '1 visit completed'],
      ['w/c 23 Feb', '2 visits completed'],
    ]);
  });

  it('never tells anything by colour alone', () => {
    walk(createDigestCard(digestOf('patti', true)), (obj) => {
      expect(obj.color).toBeUndefined();
    });
  });

  it("the programme lead's card has figures and top hosts but no visitor's name", () => {
    const { markdown, inert } = texts(createDigestCard(digestOf('patti', true)));
    const all = [...markdown, ...inert].join('\n');
    expect(all).toContain('Requests sent 0, down from 3 the week before');
    expect(all).toContain('1. Adele Vance, Discharge Team: 2 visits');
    for (const visitor of ['Alex', 'Bob', 'Carl', 'Dana']) expect(all).not.toContain(visitor);
  });

  it('offers the buttons that fit the reader', () => {
    const titles = (card: unknown) => {
      const found: string[] = [];
      walk(card, (obj) => obj.type === 'Action.Submit' && found.push(String(obj.title)));
      return found;
    };
    expect(titles(createDigestCard(digestOf('alex')))).toEqual(['My requests']);
    expect(titles(createDigestCard(digestOf('adele')))).toEqual(['My offers']);
    expect(titles(createDigestCard(digestOf('megan')))).toEqual([]);
  });

  it('stays under the Teams message size limit with long lists', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...REQUESTS[2]!,
      id: `r-${i}`,
      offerTitle: 'T'.repeat(200),
    }));
    const digest = buildDigest(
      { id: 'adele', name: 'Adele', isProgrammeLead: true },
      { week: WEEK, now: NOW, world: world({ requests: many }) },
    );
    expect(Buffer.byteLength(JSON.stringify(createDigestCard(digest!)))).toBeLessThan(28 * 1024);
  });

  it('is what a queued digest message becomes', () => {
    const content = digestOf('megan');
    const notification = {
      id: 'digest:2026-W10:megan',
      personId: 'megan',
      kind: 'weekly_digest' as const,
      requestId: '2026-W10',
      visitorId: 'megan',
      payload: content,
      status: 'pending' as const,
      attempts: 0,
      createdAt: '',
      nextAttemptAt: '',
    };
    expect(renderDigestNotification(notification)).toEqual(createDigestCard(content));
  });
});

describe('the report card', () => {
  it('shows a typed department as inert text only', () => {
    const department = '[Acute](https://evil.example) Medicine';
    const card = createReportCard(
      buildReport({ from: '2026-02-16', to: '2026-03-01', department }, world(), NOW),
    );
    const { markdown, inert } = texts(card);
    expect(inert).toContain(`Department: ${department} (visitor's or host's side)`);
    expect(markdown.join('\n')).not.toContain('evil.example');
    expect(markdown).toContain('The organisation: Mon 16 Feb to Sun 1 Mar');
  });
});
