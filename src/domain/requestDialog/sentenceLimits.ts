/** The longest first sentence read; a longer one is refused, saying how long it was. */
export const MAX_SENTENCE = 1000;
