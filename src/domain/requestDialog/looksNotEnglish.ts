/**
 * Common English words: function words, and words of asking for a visit. Almost every English
 * sentence of five words or more, typos and jargon included, has several of them.
 */
const COMMON_ENGLISH = new Set(
  (
    "i i'm im i'd id i've ive a an the to and of in on with for my me can could would like want please pls is it be at " +
    'see shadow shadowing visit spend day morning afternoon team next week how learn understand ' +
    'am are was were been being do does did have has had will shall should may might must not no yes ' +
    'we you he she they our your their his her its this that these those there here what who whom which why when where ' +
    'from by about into onto over under after before during between as or but if so than then also just only any some all ' +
    'more most very really much many one two three few time times days weeks month months year ' +
    'get go going come work working job role ward wards unit clinic clinics service staff nurse nurses doctor doctors ' +
    'know show help sit join watch observe meet talk ask half full whole hour hours'
  ).split(' '),
);
/** Below this share of common English words, a sentence of enough words is taken as another language. */
const MIN_ENGLISH_SHARE = 0.15;
const MIN_WORDS = 5;

/**
 * A sentence in a Latin-script language with no word list of its own (Dutch, Turkish, Polish,
 * Hungarian...): five words or more, hardly any of them common English words. Abbreviations in
 * capitals (AMU, SDEC) count for neither side. Only asked of a message that could not be read at
 * all, so a real request is never refused by it.
 */
export function looksNotEnglish(text: string): boolean {
  const words = (text.match(/[\p{L}'’]+/gu) ?? []).filter((w) => !/^\p{Lu}{2,}$/u.test(w));
  if (words.length < MIN_WORDS) return false;
  const english = words.filter((w) => COMMON_ENGLISH.has(w.toLowerCase().replace(/’/g, "'"))).length;
  return english / words.length < MIN_ENGLISH_SHARE;
}
