/** Pieces that break naive text tools: quotes of every kind, newlines, controls, bidi, astral, combining, news furniture. */
export const TRICKY_PIECES = [
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', '\n', '\n\n', '\r', '\r\n', '\t', '\u0000', '\u001b[31m', '\u001b]8;;x\u0007',
  '\u202e', '\u2066', '\u200f', '😀', '👍🏽', '𠀋', '北京', 'e\u0301', '\ud800', '\udc00', '...', '…', 'U.S.', 'Mr.', '3.5%',
  '—', '–', '--', ' (Reuters) – ', 'MOSCOW', 'By Jane Doe', 'Experts say', 'regime', 'thugs', 'said', 'claimed', '. ', '? ', '! ',
] as const;

/** A control or bidi character from the input, which a terminal report must show escaped, never raw. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
