/** Word normalisation shared by the tokenizer and the rule compiler, so both sides agree. */
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`´]/g;

export function normalizeWord(word: string, keepCase = false): string {
  const straight = word.replace(APOSTROPHES, "'");
  return keepCase ? straight : straight.toLowerCase();
}
