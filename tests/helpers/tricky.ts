/** Pieces that break naive text tools: quotes of every kind, newlines, controls, bidi, astral, combining, news furniture. */
export const TRICKY_PIECES = [
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', '\n', '\n\n', '\r', '\r\n', '\t', '\u0000', '\u001b[31m', '\u001b]8;;x\u0007',
  '\u202e', '\u2066', '\u200f', '😀', '👍🏽', '𠀋', '北京', 'e\u0301', '\ud800', '\udc00', '...', '…', 'U.S.', 'Mr.', '3.5%',
  '—', '–', '--', ' (Reuters) – ', 'MOSCOW', 'By Jane Doe', 'Experts say', 'regime', 'thugs', 'said', 'claimed', '. ', '? ', '! ',
] as const;
