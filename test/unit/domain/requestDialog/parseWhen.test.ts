import { parseWhen } from '../../../../src/domain/requestDialog/parseWhen';

// Sunday 22 November 2026, 10:00 in London (GMT).
const NOW = new Date('2026-11-22T10:00:00Z');

describe('parseWhen', () => {
  it.each([
    ['next Tuesday morning', { from: '2026-11-24', to: '2026-11-24' }, 'am'],
    ['tomorrow afternoon', { from: '2026-11-23', to: '2026-11-23' }, 'pm'],
    ['3rd March', { from: '2027-03-03', to: '2027-03-03' }, undefined],
    ['3 March, all day', { from: '2027-03-03', to: '2027-03-03' }, 'full_day'],
    ['1/12/2026', { from: '2026-12-01', to: '2026-12-01' }, undefined],
    ['12/1', { from: '2027-01-12', to: '2027-01-12' }, undefined],
    ['2026-12-01', { from: '2026-12-01', to: '2026-12-01' }, undefined],
    ['next week', { from: '2026-11-23', to: '2026-11-29' }, undefined],
    ['a morning with the discharge team next week', { from: '2026-11-23', to: '2026-11-29' }, 'am'],
    ['this week', { from: '2026-11-22', to: '2026-11-22' }, undefined],
    ['in two weeks', { from: '2026-11-30', to: '2026-12-06' }, undefined],
    ['next month', { from: '2026-12-01', to: '2026-12-31' }, undefined],
    ['Tue 24 Nov', { from: '2026-11-24', to: '2026-11-24' }, undefined],
    ['22 November', { from: '2026-11-22', to: '2026-11-22' }, undefined],
    ['21 May', { from: '2027-05-21', to: '2027-05-21' }, undefined],
  ])('reads %j', (text, window, part) => {
    expect(parseWhen(text, NOW)).toEqual({ ok: true, window, ...(part ? { part } : {}) });
  });

  it.each([
    ['30 February', /30 February is not a real date/],
    ['31/04/2027', /31\/04\/2027 is not a real date/],
    ['yesterday', /That date has passed/],
    ['1 January 2026', /That date has passed/],
    ['1 December 2027', /up to 6 months ahead, so up to 22 May 2027/],
    [
      '3 November',
      /^3 November has passed, and the next one is more than 6 months ahead\. Please choose a day from today up to 22 May 2027\.$/,
    ],
    ['Monday 16 November', /16 November has passed, and the next one/],
    ['shadow ED on Nov 20th', /20 November has passed, and the next one/],
    ['14 August', /14 August has passed, and the next one/],
    ['on the 32nd', /^The 32nd is not a real date/],
    ['from the 45th of the month', /The 45th is not a real date/],
    ['whenever suits', /could not read a date/],
    ['', /could not read a date/],
  ])('refuses %j, saying why', (text, reason) => {
    const result = parseWhen(text, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('reads "next week" on a Monday as the following Monday to Sunday', () => {
    expect(parseWhen('next week', new Date('2026-11-23T09:00:00Z'))).toEqual({
      ok: true,
      window: { from: '2026-11-30', to: '2026-12-06' },
    });
  });

  it('uses the London date late in the evening in summer (BST), not the UTC one', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: "tomorrow" is 2 July.
    expect(parseWhen('tomorrow', new Date('2027-06-30T23:30:00Z'))).toEqual({
      ok: true,
      window: { from: '2027-07-02', to: '2027-07-02' },
    });
  });
});
