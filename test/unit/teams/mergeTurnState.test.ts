import { mergeTurnState } from '../../../src/teams/mergeTurnState';

describe('mergeTurnState', () => {
  const draft = { step: 'summary', id: 'd-1' };

  it('keeps both turns when they changed different fields', () => {
    const base = { draft, offerDraft: undefined };
    const ours = { draft: undefined };
    const theirs = { draft, offerDraft: { step: 'title' } };
    expect(mergeTurnState(base, ours, theirs)).toEqual({
      merged: { offerDraft: { step: 'title' } },
      clashes: [],
    });
  });

  it('agrees when both turns made the same change (a double click on "Send")', () => {
    expect(mergeTurnState({ draft }, {}, {})).toEqual({ merged: {}, clashes: [] });
  });

  it('keeps the change saved first when both changed the same field differently, and says so', () => {
    const base = { draft };
    const ours = { draft: { ...draft, step: 'slot' } };
    const theirs = { draft: { ...draft, step: 'host' } };
    expect(mergeTurnState(base, ours, theirs)).toEqual({ merged: theirs, clashes: ['draft'] });
  });

  it('leaves theirs alone when this turn changed nothing', () => {
    const theirs = { draft: { ...draft, step: 'host' }, welcomed: true };
    expect(mergeTurnState({ draft }, { draft }, theirs)).toEqual({ merged: theirs, clashes: [] });
  });
});
