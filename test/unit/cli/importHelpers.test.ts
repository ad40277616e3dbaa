import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import { chooseProgress, createProgressBar, PROGRESS_THRESHOLD } from '../../../src/cli/import/progressBar';
import { enforceAllOrNothing } from '../../../src/cli/import/reportBadRows';

describe('personIdForEmail', () => {
  it('is the same for the same email whatever its case or spacing, and differs between emails', () => {
    const id = personIdForEmail('ann.nurse@trust.nhs.uk');
    expect(personIdForEmail('  Ann.Nurse@TRUST.nhs.uk ')).toBe(id);
    expect(personIdForEmail('ann.nurse2@trust.nhs.uk')).not.toBe(id);
  });

  it('is a version 5 UUID, with no character Cosmos DB refuses in an id', () => {
    const id = personIdForEmail('o/brien?#x\\y@trust.nhs.uk');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('progress bar', () => {
  it('redraws in place once per percent and ends with a full bar and a new line', () => {
    let text = '';
    const bar = createProgressBar({ write: (chunk: string) => (text += chunk) }, 'Importing rota', 200);
    for (let step = 0; step < 200; step += 1) bar.advance();
    bar.finish();
    // 0% to 100%: 101 draws for 200 steps.
    expect(text.match(/\r/g)).toHaveLength(101);
    expect(text.endsWith(`\rImporting rota [${'#'.repeat(30)}] 100% (200/200)\n`)).toBe(true);
  });

  it('draws nothing when the output is not a terminal or the job is small', () => {
    let text = '';
    const write = (chunk: string) => (text += chunk);
    chooseProgress({ write }, 'x', PROGRESS_THRESHOLD * 10).finish();
    chooseProgress({ write, isTTY: true }, 'x', PROGRESS_THRESHOLD - 1).finish();
    expect(text).toBe('');
    chooseProgress({ write, isTTY: true }, 'x', PROGRESS_THRESHOLD).finish();
    expect(text).toMatch(/100% \(2,000\/2,000\)\n$/);
  });
});

describe('all-or-nothing imports', () => {
  const bad = (...lines: number[]) => lines.map((line) => ({ line, reason: 'setting is empty' }));
  const run = (errors: ReturnType<typeof bad>, goodRows: number, skipInvalid = false) => {
    let text = '';
    const err = { write: (chunk: string) => (text += chunk) };
    let failed = false;
    try {
      enforceAllOrNothing(err, errors, { skipInvalid, goodRows });
    } catch {
      failed = true;
    }
    return { text, failed };
  };

  it.each([
    [
      bad(3),
      1,
      'Nothing imported: the file has 1 bad row (listed above). Fix it and import again, or use --skip-invalid to import the 1 good row.',
    ],
    [
      bad(2, 4),
      3,
      'Nothing imported: the file has 2 bad rows (listed above). Fix them and import again, or use --skip-invalid to import the 3 good rows.',
    ],
    [bad(1), 0, 'Nothing imported: the file has 1 bad row (listed above). Fix it and import again.'],
  ])('lists each bad line, fails, and says what to do in plain words (%#)', (errors, goodRows, last) => {
    const { text, failed } = run(errors, goodRows);
    expect(failed).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(errors.map((e) => `line ${e.line}: setting is empty`));
    expect(lines[lines.length - 1]).toBe(last);
  });

  it('with --skip-invalid lists the bad lines and goes on with the good ones', () => {
    expect(run(bad(2), 1, true)).toEqual({
      text: 'line 2: setting is empty\nSkipping 1 bad row (listed above); importing the 1 good row.\n',
      failed: false,
    });
    expect(run([], 4)).toEqual({ text: '', failed: false });
  });
});
