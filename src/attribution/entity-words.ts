/** Word lists for finding people and organisations and the roles the text gives them. */

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'authority', 'authorities', 'council', 'committee', 'commission', 'agency', 'office', 'bureau',
  'service', 'services', 'institute', 'institution', 'foundation', 'association', 'union', 'federation', 'party', 'company',
  'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'co', 'bank', 'fund', 'university', 'college', 'school', 'schools',
  'hospital', 'court', 'police', 'army', 'navy', 'government', 'parliament', 'assembly', 'station', 'board', 'trust',
  'network', 'league', 'club', 'organisation', 'organization', 'society', 'centre', 'center', 'coalition', 'alliance',
  'employers', 'industries', 'group', 'times', 'post', 'courier', 'herald', 'tribune', 'broadcaster', 'television', 'radio',
  'press', 'news', 'reuters', 'agencies', 'administration', 'cabinet', 'senate', 'congress', 'kremlin', 'pentagon',
  'secretariat', 'directorate', 'inspectorate', 'regulator', 'watchdog', 'forces', 'guard', 'church', 'nations',
  'democrats', 'republicans', 'greens', 'conservatives', 'liberals', 'socialists', 'labour', 'tories', 'firm', 'team',
  'laboratory', 'laboratories', 'lab', 'labs', 'airlines', 'airways', 'motors', 'holdings', 'systems', 'technologies',
  'partners', 'studio', 'studios', 'magazine', 'journal', 'gazette', 'daily', 'observer', 'guardian', 'telegraph',
  'xinhua', 'afp', 'ap', 'tass', 'bbc', 'cnn', 'nato', 'un', 'eu', 'who', 'imf', 'opec', 'energy', 'power', 'oil', 'gas',
  'petroleum', 'mining', 'pharmaceuticals', 'pharma', 'foods', 'steel', 'telecom', 'media', 'capital', 'ventures',
  'solutions', 'logistics', 'shipping', 'electric', 'bancorp', 'insurance', 'airport', 'railways', 'rail', 'museum',
]);

/** Official bodies and roles: a voice with one of these speaks for an authority. */
export const OFFICIAL_WORDS = new Set([
  'minister', 'ministry', 'government', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'president',
  'mayor', 'governor', 'department', 'authority', 'authorities', 'police', 'army', 'military', 'state', 'agency',
  'council', 'commission', 'secretary', 'ambassador', 'embassy', 'kremlin', 'administration', 'cabinet', 'chancellor',
  'premier', 'prime', 'officer', 'general', 'commander', 'prosecutor', 'regulator', 'directorate', 'aide',
]);

/** Titles and roles written before a name ("Minister", "Dr", "Judge"). */
export const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'sister',
  'minister', 'president', 'vice', 'mayor', 'judge', 'justice', 'prosecutor', 'senator', 'sen', 'rep', 'representative',
  'governor', 'gov', 'chancellor', 'secretary', 'general', 'gen', 'chief', 'director', 'chairman', 'chairwoman', 'chair',
  'leader', 'spokesman', 'spokeswoman', 'inspector', 'detective', 'det', 'sheriff', 'commissioner', 'ambassador', 'coach',
  'captain', 'capt', 'manager', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'rabbi', 'imam',
  'colonel', 'col', 'lt', 'lieutenant', 'major', 'maj', 'sergeant', 'sgt', 'officer', 'constable', 'premier', 'prime',
  'deputy', 'speaker', 'councillor', 'cllr', 'alderman', 'admiral', 'commander', 'superintendent', 'supt', 'chef',
  'economist', 'mp', 'mep', 'ceo', 'cfo',
]);

/** Titles that tell a person's gender, for "he" and "she". */
export const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'father', 'king', 'prince', 'chairman', 'spokesman']);
export const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'sister', 'queen', 'princess', 'chairwoman', 'spokeswoman']);

/** Capitalised words that start a sentence without being names. */
export const STOP_CAPS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'with', 'from', 'according', 'but', 'and', 'or', 'if',
  'when', 'while', 'after', 'before', 'under', 'over', 'giving', 'speaking', 'asked', 'this', 'that', 'these', 'those',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'there', 'here', 'some',
  'many', 'most', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'meanwhile', 'however',
  'still', 'yet', 'so', 'as', 'also', 'without', 'within', 'since', 'until', 'despite', 'although', 'though', 'because',
  'last', 'next', 'earlier', 'later', 'now', 'then', 'today', 'yesterday', 'tomorrow', 'such', 'every', 'each', 'all',
  'both', 'no', 'not', 'what', 'who', 'which', 'where', 'why', 'how', 'do', 'does', 'did', 'is', 'are', 'was', 'were',
  'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'let', 'more', 'less',
  'few', 'several', 'other', 'another', 'among', 'during', 'about', 'around', 'like', 'unlike', 'instead', 'once',
  'sadly', 'fortunately', 'unfortunately', 'indeed', 'yes', 'no', 'contrast', 'needless', 'of', 'just', 'only', 'even',
  'local', 'former', 'senior', 'new', 'old', 'young', 'top', 'residents', 'critics', 'experts', 'analysts', 'officials',
  'sources', 'police', 'parents', 'farmers', 'traders', 'workers', 'people', 'forecasters', 'scientists', 'researchers',
]);

/** Months and days: capitalised, but rarely names. */
export const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'christmas', 'easter',
]);

/** Lower-case words that may sit inside a name: "Ministry of Health", "Ruud van der Berg"; and suffixes after one. */
export const CONNECTORS = new Set(['of', 'and', 'for', '&']);
export const PARTICLES = new Set(['van', 'de', 'der', 'den', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'del', 'ter', 'st']);
export const SUFFIXES = new Set(['kc', 'qc', 'jr', 'sr', 'mp', 'mep', 'ii', 'iii', 'phd', 'md']);

/** Determiners that open an appositive ("Dekker, the union negotiator"). */
export const DETS_APPOS = new Set(['the', 'a', 'an']);
/** Describing nouns that tell a gender ("her father"). */
export const MALE_NOUNS = new Set(['father', 'son', 'husband', 'brother', 'man', 'spokesman', 'chairman', 'king', 'prince', 'grandfather', 'uncle', 'nephew', 'boy']);
export const FEMALE_NOUNS = new Set(['mother', 'daughter', 'wife', 'sister', 'woman', 'spokeswoman', 'chairwoman', 'queen', 'princess', 'grandmother', 'aunt', 'niece', 'girl']);

/** Role words that stand for one another in later references ("the boss" for a manager). */
export const ROLE_SYNONYMS: Record<string, string[]> = {
  boss: ['manager', 'chief', 'head', 'executive', 'coach', 'director', 'chairman', 'leader'],
  chief: ['executive', 'head', 'director', 'boss', 'ceo'],
  head: ['chief', 'director', 'leader'],
  spokesperson: ['spokesman', 'spokeswoman'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
  minister: ['secretary'],
  coach: ['manager'],
  manager: ['coach'],
  company: ['firm', 'group', 'maker', 'producer', 'operator', 'manufacturer'],
  firm: ['company'],
};
/** Words that end a noun phrase: prepositions and relative pronouns. */
export const PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'by', 'in', 'on', 'to', 'into', 'near', 'about', 'under', 'over', 'after', 'before', 'during', 'since', 'than', 'as', 'who', 'which', 'that', 'whose']);

/** Lower-case nouns for people's roles, used to link "the negotiator" back to a name. */
export const ROLE_NOUNS = new Set([
  'minister', 'president', 'mayor', 'judge', 'prosecutor', 'senator', 'governor', 'chancellor', 'secretary', 'spokesman',
  'spokeswoman', 'spokesperson', 'official', 'officer', 'leader', 'chairman', 'chairwoman', 'chair', 'chief', 'director',
  'executive', 'manager', 'negotiator', 'barrister', 'lawyer', 'attorney', 'trustee', 'coach', 'captain', 'player',
  'striker', 'midfielder', 'goalkeeper', 'defender', 'chef', 'owner', 'founder', 'analyst', 'economist', 'scientist',
  'researcher', 'professor', 'doctor', 'author', 'head', 'teacher', 'councillor', 'aide', 'adviser', 'advisor', 'diplomat',
  'ambassador', 'general', 'commander', 'colonel', 'detective', 'inspector', 'witness', 'resident', 'farmer', 'agronomist',
  'engineer', 'activist', 'campaigner', 'politician', 'lawmaker', 'legislator', 'mp', 'representative', 'expert',
  'worker', 'member', 'organiser', 'organizer', 'keeper', 'nurse', 'student', 'boss', 'premier', 'deputy', 'governor',
  'defendant', 'accused', 'victim', 'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'historian', 'curator',
  'volunteer', 'fisherman', 'lecturer', 'surgeon', 'physician', 'epidemiologist', 'specialist', 'consultant', 'ceo',
  'investor', 'trader', 'broker', 'dealer', 'mechanic', 'driver', 'pilot', 'writer', 'journalist', 'editor', 'reporter',
  'dean', 'principal', 'novelist', 'artist', 'architect', 'designer', 'priest', 'bishop', 'pastor', 'rabbi', 'imam',
  'referee', 'umpire', 'winger', 'forward', 'midfield', 'keeper', 'lighthouse', 'skipper', 'veteran', 'director-general',
]);
