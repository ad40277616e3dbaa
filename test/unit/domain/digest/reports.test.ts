import { buildReport } from '../../../../src/domain/digest/buildReport';
import { outlineDigest, outlineReport } from '../../../../src/domain/digest/outlineDigest';
import { parseReportRequest } from '../../../../src/domain/digest/parseReportRequest';
import { renderOutlineText } from '../../../../src/domain/digest/renderOutlineText';
import { buildDigest } from '../../../../src/domain/digest/buildDigest';
import { NOW, WEEK, world } from '../../../support/digestFixtures';

describe('reading a report request', () => {
  const now = new Date('2026-01-05T09:00:00Z');
  it.each([
    ['report', { from: '2025-12-09', to: '2026-01-05' }],
    [
      'Report from 1 Oct to 31 Oct for Acute Medicine',
      { from: '2025-10-01', to: '2025-10-31', department: 'Acute Medicine' },
    ],
    ['report 1/10/2025 - 31/10/2025', { from: '2025-10-01', to: '2025-10-31' }],
    [
      'report from 1 October 2025 to 31 October 2025 department Pharmacy',
      { from: '2025-10-01', to: '2025-10-31', department: 'Pharmacy' },
    ],
    ['report 1 Dec to 4 Jan', { from: '2025-12-01', to: '2026-01-04' }],
    ['report last month', { from: '2025-12-01', to: '2025-12-31' }],
    ['report for last month', { from: '2025-12-01', to: '2025-12-31' }],
    [
      'report last month for Acute Medicine',
      { from: '2025-12-01', to: '2025-12-31', department: 'Acute Medicine' },
    ],
    [
      'report last week for the discharge team',
      { from: '2025-12-29', to: '2026-01-04', department: 'discharge team' },
    ],
    [
      'report for Care in the Community',
      { from: '2025-12-09', to: '2026-01-05', department: 'Care in the Community' },
    ],
  ])('%s', (text, expected) => {
    expect(parseReportRequest(text, now)).toEqual({ ok: true, request: expected });
  });

  it.each([
    ['report from 31 Oct 2025 to 1 Oct 2025', /after the end/],
    ['report from 3 March to 1 March', /after the end/],
    ['report from 1 Jan 2020 to 1 Jan 2026', /up to 3 years/],
    ['report from 1 Feb 2026 to 3 Feb 2026', /not started yet/],
    ['report from 31 Feb to 3 Mar', /could not read the dates/],
    ['report from sometime to whenever', /could not read the dates/],
    [`report for ${'x'.repeat(101)}`, /too long/],
  ])('refuses %s, saying why', (text, reason) => {
    const result = parseReportRequest(text, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('a report for a date range and department', () => {
  it('counts only the named department, visitor or host side, compared with the period before', () => {
    const report = buildReport(
      { from: '2026-02-16', to: '2026-03-01', department: 'the discharge' },
      world(),
      NOW,
    );
    expect(report.organisation.figures).toMatchObject({ completions: 2, hours: 7.5, confirmations: 1 });
    expect(report.organisation.topHosts.map((h) => h.name)).toEqual(['Adele Vance']);
    expect(report.organisation.chart.bars).toEqual([
      { label: 'w/c 16 Feb', value: 0 },
      { label: 'w/c 23 Feb', value: 2 },
    ]);
    expect(report.organisation.periodLabel).toBe('Mon 16 Feb to Sun 1 Mar');
  });

  it('for the whole organisation counts every department', () => {
    const report = buildReport({ from: '2026-02-16', to: '2026-03-01' }, world(), NOW);
    expect(report.organisation.figures).toMatchObject({ completions: 3, hours: 15.5 });
    expect(report.organisation.topHosts.map((h) => [h.name, h.visits])).toEqual([
      ['Adele Vance', 2],
      ['Lynne Robbins', 1],
    ]);
  });

  it('a long period is charted by month', () => {
    const report = buildReport({ from: '2025-06-01', to: '2026-02-28' }, world(), NOW);
    expect(report.organisation.chart.bars.map((b) => b.label)).toEqual([
      'Jun 2025',
      'Jul 2025',
      'Aug 2025',
      'Sep 2025',
      'Oct 2025',
      'Nov 2025',
      'Dec 2025',
      'Jan 2026',
      'Feb 2026',
    ]);
    expect(report.organisation.chart.bars.at(-1)?.value).toBe(3);
  });
});

describe('plain-text rendering', () => {
  it("prints a lead's figures with a bar chart whose numbers are written out", () => {
    const digest = buildDigest(
      { id: 'patti', name: 'Patti Fernandez', isProgrammeLead: true },
      { week: WEEK, now: NOW, world: world() },
    );
    const text = renderOutlineText(outlineDigest(digest!));
    expect(text).toContain('Your week in job shadowing, week starting Mon 2 Mar');
    expect(text).toContain('Visits completed          2, up from 1 the week before');
    expect(text).toContain('Across professions        50% of completed visits');
    expect(text).toContain('Objectives met            2 of 3 met (67%), 1 partly, 0 not met');
    expect(text).toMatch(/w\/c 23 Feb {2}#{20} {2}2 visits completed/);
    expect(text).toMatch(/w\/c 16 Feb {2}#{10} {12}1 visit completed/);
    expect(text).toContain(
      "1 request waiting for a manager's approval for 5 working days or more (longest 6 working days)",
    );
    expect(text).toContain('1. Adele Vance, Discharge Team: 2 visits');
  });

  it("prints a host's lists", () => {
    const digest = buildDigest(
      { id: 'adele', name: 'Adele Vance', isProgrammeLead: false },
      { week: WEEK, now: NOW, world: world() },
    );
    const text = renderOutlineText(outlineDigest(digest!));
    expect(text).toContain(
      'Your visitors this week (1):\n  - Tue 3 Mar, 09:00-13:00: Discharge board round, visitor Alex Wilber',
    );
    expect(text).toContain(
      'Requests waiting for your answer (1):\n  - Thu 12 Mar, 09:00-13:00: Discharge board round, visitor Bob Other-Team (waiting less than a working day)',
    );
  });

  it('a report names its department', () => {
    const text = renderOutlineText(
      outlineReport(
        buildReport({ from: '2026-02-16', to: '2026-03-01', department: 'Pharmacy' }, world(), NOW),
      ),
    );
    expect(text).toContain(
      "Job shadowing report\n====================\n\nDepartment: Pharmacy (visitor's or host's side)",
    );
    expect(text).toContain('The organisation: Mon 16 Feb to Sun 1 Mar');
  });
});
