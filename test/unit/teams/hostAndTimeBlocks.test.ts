import type { HostOption, RequestDraft, SlotOption } from '../../../src/domain/requestDialog/draft';
import { hostAndTimeBlocks } from '../../../src/teams/cards/hostAndTimeBlocks';
import { slotNotes, slotTitle } from '../../../src/teams/cards/requestCardParts';

const slots: SlotOption[] = [
  {
    start: '2026-12-22T09:00:00.000Z',
    end: '2026-12-22T13:00:00.000Z',
    part: 'am',
    label: 'work time',
    basis: 'during your long day, 08:00-20:30: your manager will be asked to release you',
    warnings: ['you are on annual leave then'],
  },
  // Summer time, and a visit across midnight.
  { start: '2026-07-03T08:00:00.000Z', end: '2026-07-03T12:00:00.000Z', part: 'am', warnings: [] },
  {
    start: '2026-03-28T22:00:00.000Z',
    end: '2026-03-29T06:00:00.000Z',
    part: 'custom',
    label: 'own time',
    warnings: [],
  },
];

const host: HostOption = {
  offerId: 'offer-1',
  hostId: 'host-1',
  title: 'A morning with the discharge team',
  hostName: 'Adele Vance',
  department: 'Discharge and Patient Flow',
  setting: 'office',
  sensitive: false,
  reason: 'Matches discharge',
  slots,
};

const draft = { step: 'host', trail: [], hostOptions: [host], hostPage: 0 } as unknown as RequestDraft;

type Block = Record<string, unknown>;
const actionsOf = (block: Block) =>
  (block.items as Block[]).find((item) => item.type === 'ActionSet')?.actions as Block[];
const notesOf = (block: Block) =>
  (block.items as Block[]).filter((item) => item.type === 'TextBlock').map((n) => n.text);

// Each time is formatted once for its button, tooltip and notes: they must read as they did when
// each worked the time out for itself.
describe('a host and their times on the card', () => {
  const block = hostAndTimeBlocks(draft).find((b) => b.type === 'Container') as Block;

  it('names each time on its button and tooltip as the time on its own reads', () => {
    const buttons = actionsOf(block).filter((action) => (action.data as Block).verb === 'draft_pick');
    expect(buttons.map((b) => b.title)).toEqual(slots.map((slot) => slotTitle(slot)));
    expect(buttons.map((b) => b.tooltip)).toEqual(
      slots.map((slot) => `Visit Adele Vance on ${slotTitle(slot)}`),
    );
    expect(buttons[0]?.title).toBe('Tue 22 Dec, 09:00-13:00 (work time)');
  });

  it("gives each time's notes under the same words for the time", () => {
    expect(notesOf(block)).toEqual(slots.flatMap((slot) => slotNotes(slot).map((note) => note.text)));
    expect(notesOf(block)[0]).toBe(
      'Tue 22 Dec, 09:00-13:00: during your long day, 08:00-20:30: your manager will be asked to release you',
    );
  });

  it('reads a time given already formatted as it reads the slot', () => {
    for (const slot of slots) {
      expect(slotTitle(slot, 'Tue 22 Dec, 09:00-13:00')).toBe(
        `Tue 22 Dec, 09:00-13:00${slot.label ? ` (${slot.label})` : ''}`,
      );
      expect(slotNotes(slot, 'then').map((note) => note.text)).toEqual(
        [...(slot.basis ? [slot.basis] : []), ...slot.warnings].map((note) => `then: ${note}`),
      );
    }
  });
});
