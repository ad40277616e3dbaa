import { checkVisitTime } from '../../../../src/domain/workflow/checkVisitTime';

const NOW = new Date('2025-03-03T09:00:00Z');

describe('checkVisitTime', () => {
  it('takes two instants with an offset, the start still to come, and stores them in UTC', () => {
    expect(checkVisitTime('2025-03-25T09:00:00+00:00', '2025-03-25T13:00:00Z', NOW)).toEqual({
      ok: true,
      start: '2025-03-25T09:00:00.000Z',
      end: '2025-03-25T13:00:00.000Z',
    });
    expect(checkVisitTime('2025-04-01T09:00:00+01:00', '2025-04-01T13:00:00+01:00', NOW)).toMatchObject({
      start: '2025-04-01T08:00:00.000Z',
    });
  });

  it.each([
    ['words', 'next Tuesday', 'lunchtime'],
    ['no offset', '2025-03-25T09:00:00', '2025-03-25T13:00:00'],
    ['a day that does not exist', '2025-02-30T09:00:00Z', '2025-02-30T13:00:00Z'],
    ['a number', '1742893200000', '1742907600000'],
    ['nothing', '', ''],
  ])('refuses %s', (_label, start, end) => {
    expect(checkVisitTime(start, end, NOW)).toEqual({
      ok: false,
      problem: 'That time could not be read. Please choose one of the times offered.',
    });
  });

  it('refuses a time that ends before it starts, or has begun or passed', () => {
    expect(checkVisitTime('2025-03-25T13:00:00Z', '2025-03-25T09:00:00Z', NOW)).toMatchObject({ ok: false });
    expect(checkVisitTime('2025-03-03T09:00:00Z', '2025-03-03T13:00:00Z', NOW)).toEqual({
      ok: false,
      problem: 'That time has already passed. Please choose a time still to come.',
    });
    expect(checkVisitTime('2025-02-25T09:00:00Z', '2025-02-25T13:00:00Z', NOW)).toMatchObject({ ok: false });
  });
});
