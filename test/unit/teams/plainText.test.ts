import { inertText, plainText } from '../../../src/teams/cards/plainText';

describe('plainText', () => {
  it('removes control and right-to-left override characters', () => {
    expect(plainText('a\u0000b\u202Ec\u2066d\u0007e')).toBe('abcde');
  });

  it('keeps ordinary punctuation, accents and emoji as typed', () => {
    expect(plainText('Siân O’Neil-Smith (A&E) 👍 #1 *not bold*')).toBe(
      'Siân O’Neil-Smith (A&E) 👍 #1 *not bold*',
    );
  });

  it('caps the length with an ellipsis', () => {
    const shown = plainText('x'.repeat(10_000), 100);
    expect(shown).toHaveLength(100);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('inertText', () => {
  it('puts typed text in TextRuns, which Teams never reads as markdown', () => {
    expect(inertText(['[click](https://evil.example) ![img](x) ${name}'])).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: '[click](https://evil.example) ![img](x) ${name}' }],
    });
  });
});
