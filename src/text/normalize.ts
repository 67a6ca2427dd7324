/** Word normalisation shared by the tokenizer and the rule compiler, so both sides agree. */
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`´]/g;

const HAS_APOSTROPHE = /[\u2019\u2018\u02bc\u2032`´]/;

export function normalizeWord(word: string, keepCase = false): string {
  const straight = HAS_APOSTROPHE.test(word) ? word.replace(APOSTROPHES, "'") : word;
  return keepCase ? straight : straight.toLowerCase();
}
