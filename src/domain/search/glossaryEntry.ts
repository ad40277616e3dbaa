/**
 * One group of words that mean the same thing across NHS professions. `plain` is the plain-words
 * name shown to people; `terms` are the abbreviations and jargon (any case; "&" and "and" match
 * each other). `capitalsOnly` are abbreviations that are also ordinary words ("OR", "NICE") and
 * only count when written in capitals. `covers` names narrower groups (by their plain names) that
 * a mention of this one also means: "resident doctor" covers foundation, core and specialty
 * trainees, so a search for it finds an offer for FY1s, but not the other way round.
 */
export interface GlossaryEntry {
  plain: string;
  terms: string[];
  capitalsOnly?: string[];
  covers?: string[];
}
