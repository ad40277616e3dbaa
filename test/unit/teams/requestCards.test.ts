import type { RequestDraft } from '../../../src/domain/requestDialog/draft';
import { createRequestSummaryCard } from '../../../src/teams/cards/requestSummaryCard';
import { createRequestQuestionCard } from '../../../src/teams/cards/requestQuestionCard';

const HOSTILE =
  '[click](https://evil.example) ![x](http://x/y.png) ${user.name} <b>b</b> **bold** \u202Egnp.exe';

const draft: RequestDraft = {
  step: 'summary',
  trail: [],
  what: HOSTILE,
  purpose: HOSTILE,
  objectives: [HOSTILE, 'Second'],
  window: { from: '2026-11-23', to: '2026-11-29' },
  length: 'am',
  settings: [],
  chosen: { offerId: 'o', hostId: 'h', title: HOSTILE, hostName: HOSTILE, setting: 'ward', sensitive: true },
  slot: { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T13:00:00.000Z' },
  startedAt: '2026-11-22T10:00:00.000Z',
};

/** Collects every string in a TextBlock (markdown) and every string in a TextRun (inert). */
function texts(card: unknown): { markdown: string[]; inert: string[] } {
  const markdown: string[] = [];
  const inert: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') markdown.push(o.text);
    if (o.type === 'TextRun' && typeof o.text === 'string') inert.push(o.text);
    if (o.type === 'FactSet') (o.facts as Array<{ value: string }>).forEach((f) => markdown.push(f.value));
    Object.values(o).forEach(visit);
  };
  visit(card);
  return { markdown, inert };
}

describe('request cards', () => {
  it('never puts typed text where Teams reads markdown', () => {
    const { markdown, inert } = texts(createRequestSummaryCard(draft));
    expect(markdown.some((t) => t.includes('evil.example') || t.includes('${user.name}'))).toBe(false);
    expect(inert.some((t) => t.includes('[click](https://evil.example)'))).toBe(true);
    expect(inert.some((t) => t.includes('\u202E'))).toBe(false);
  });

  it('says a sensitive setting needs an induction, in words', () => {
    expect(JSON.stringify(createRequestSummaryCard(draft))).toContain('This setting needs an induction');
  });

  it('gives every input a label and says why a required one is missing', () => {
    const card = createRequestQuestionCard(
      { kind: 'ask', step: 'purpose', problem: 'Please write a little more.' },
      draft,
    );
    const input = JSON.stringify(card);
    expect(input).toContain('"label":"Purpose of the visit"');
    expect(input).toContain('"isRequired":true');
    expect(input).toContain('"errorMessage":"Please fill in: Purpose of the visit"');
    expect(input).toContain('Please check: Please write a little more.');
  });

  it('keeps the summary card well under the Teams message size limit even at maximum lengths', () => {
    const long: RequestDraft = {
      ...draft,
      what: 'w'.repeat(200),
      purpose: 'p'.repeat(500),
      objectives: Array(5).fill('o'.repeat(300)),
    };
    expect(Buffer.byteLength(JSON.stringify(createRequestSummaryCard(long)))).toBeLessThan(28 * 1024);
  });
});

describe('shortcut buttons on question cards', () => {
  it('send without the answer box, which is required only for "Next"', () => {
    const card = createRequestQuestionCard({ kind: 'ask', step: 'setting' }, draft);
    const actions: Array<Record<string, unknown>> = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) actions.push(o);
      Object.values(o).forEach(visit);
    };
    visit(card);
    const next = actions.filter((a) => a.title === 'Next');
    const shortcuts = actions.filter((a) => a.title !== 'Next');
    expect(next).toHaveLength(1);
    expect(next[0]?.associatedInputs).toBeUndefined();
    expect(shortcuts.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Any setting', 'Back', 'Cancel request']),
    );
    for (const action of shortcuts)
      expect({ title: action.title, associatedInputs: action.associatedInputs }).toEqual({
        title: action.title,
        associatedInputs: 'none',
      });
  });
});
