import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksNotEnglish } from '../../../../src/domain/requestDialog/looksNotEnglish';

const fixtures = ['tuning.json', 'heldout.json'].flatMap(
  (file) =>
    (
      JSON.parse(readFileSync(join(__dirname, '../../../fixtures/utterances', file), 'utf8')) as {
        utterances: Array<{ sentence: string }>;
      }
    ).utterances,
);

describe('looksNotEnglish', () => {
  it('takes none of the utterance fixtures (typos, jargon, telegraphic) for another language', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(119);
    expect(fixtures.filter((u) => looksNotEnglish(u.sentence)).map((u) => u.sentence)).toEqual([]);
  });

  it.each([
    'AMU SDEC board round Tues pm pls',
    'shadow ODP in theatres w/c 14th',
    'i wnt 2 shdow the dischage tem nxt wk',
    'physio outpatients msk clinic thurs am',
    'cardiology cath lab next Tuesday',
    'whats the weather like today',
  ])('English, however short or misspelt: "%s"', (text) => {
    expect(looksNotEnglish(text)).toBe(false);
  });

  it.each([
    ['Dutch', 'Ik wil graag volgende week een ochtend meelopen met het ontslagteam'],
    ['Turkish', 'Gelecek hafta taburcu ekibiyle bir sabah geçirmek istiyorum'],
    ['German', 'Gern würde ich nächsten Dienstag einen Apotheker begleiten'],
    ['Polish', 'Proszę o możliwość obserwacji pracy farmaceuty w przyszły wtorek'],
    ['Romanian', 'Doresc să văd cum lucrează farmaciștii marțea viitoare'],
    ['Hungarian', 'Szeretnék jövő héten egy délelőttöt a kiírási csapattal tölteni'],
    ['Swedish', 'Jag skulle vilja följa utskrivningsteamet en förmiddag nästa vecka'],
    ['Czech', 'Rád bych příští týden strávil dopoledne s propouštěcím týmem'],
  ])('%s', (_language, text) => {
    expect(looksNotEnglish(text)).toBe(true);
  });
});
