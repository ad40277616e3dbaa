import { readDigestSettings } from '../../../src/config/digestSettings';

describe('digest settings', () => {
  it('defaults to Monday 08:00 and no extra programme leads', () => {
    expect(readDigestSettings({})).toEqual({
      ok: true,
      settings: { schedule: { weekday: 'mon', time: '08:00' }, programmeLeadEmails: [] },
    });
  });

  it('reads a day by short or full name, a time, and a list of emails in lower case', () => {
    expect(
      readDigestSettings({
        DIGEST_WEEKDAY: ' Friday ',
        DIGEST_TIME: '16:30',
        PROGRAMME_LEAD_EMAILS: 'Patti@Trust.nhs.uk, ,lead2@trust.nhs.uk',
      }),
    ).toEqual({
      ok: true,
      settings: {
        schedule: { weekday: 'fri', time: '16:30' },
        programmeLeadEmails: ['patti@trust.nhs.uk', 'lead2@trust.nhs.uk'],
      },
    });
    expect(readDigestSettings({ DIGEST_WEEKDAY: 'sun' })).toMatchObject({
      ok: true,
      settings: { schedule: { weekday: 'sun' } },
    });
  });

  it('names each wrong setting', () => {
    const result = readDigestSettings({
      DIGEST_WEEKDAY: 'mo',
      DIGEST_TIME: '8am',
      PROGRAMME_LEAD_EMAILS: 'patti; lead2@trust.nhs.uk',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.stringMatching(/^DIGEST_WEEKDAY: must be a day of the week/),
      expect.stringMatching(/^DIGEST_TIME: must be a 24-hour time HH:MM/),
      expect.stringMatching(/^PROGRAMME_LEAD_EMAILS: .*not an email: patti; lead2@trust\.nhs\.uk/),
    ]);
  });
});
