/**
 * Word lists the heuristics share. Kept in one place so an editor asking "why was this flagged?" can be shown the
 * list, and so a newsroom can extend it without touching the logic.
 */

/** Verbs that introduce reported speech. Attribution features and quote speakers both use them. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'announced', 'announces', 'declared',
  'declares', 'pledged', 'pledges', 'vowed', 'vows', 'warned', 'warns', 'wrote', 'writes', 'asked', 'asks',
  'replied', 'insisted', 'insists', 'claimed', 'claims', 'noted', 'notes', 'confirmed', 'confirms', 'accused',
  'accuses', 'denied', 'denies', 'reported', 'reports', 'urged', 'urges', 'argued', 'argues', 'explained',
  'promised', 'promises', 'acknowledged', 'admitted', 'alleged', 'alleges', 'estimated', 'estimates', 'predicted',
  'tweeted', 'posted',
]);

/** Words that may stand between a speaker and the verb ("Kim in turn pledged", "KCNA also reported"). */
export const SPEAKER_ADVERBS = ['in turn', 'also', 'later', 'then', 'again', 'previously', 'earlier', 'reportedly', 'separately', 'further', 'has', 'had', 'have', 'was', 'were', 'is', 'once'];

/** Titles that precede a name; the name is what follows ("President Vladimir Putin" → "Vladimir Putin"). */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'gen', 'chancellor', 'king', 'queen', 'prince',
  'princess', 'sheikh', 'emir', 'mr', 'mrs', 'ms', 'dr', 'sen', 'senator', 'rep', 'representative', 'gov',
  'governor', 'mayor', 'judge', 'justice', 'chief', 'commander', 'colonel', 'col', 'lt', 'lieutenant', 'capt',
  'captain', 'major', 'maj', 'sgt', 'sergeant', 'admiral', 'pope', 'leader', 'spokesman', 'spokeswoman',
  'spokesperson', 'ambassador', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'premier', 'foreign',
  'defense', 'defence', 'interior', 'finance', 'deputy', 'supreme', 'speaker', 'envoy', 'prof', 'professor',
  'ayatollah', 'cardinal', 'bishop', 'rabbi', 'imam', 'marshal', 'field',
]);

/** Lowercase role words before a name that make it a person ("spokesman Mosharraf Zaidi"). */
export const ROLE_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'minister', 'president', 'official', 'envoy', 'ambassador',
  'commander', 'chief', 'general', 'analyst', 'professor', 'director', 'secretary', 'lawmaker', 'senator',
  'governor', 'mayor', 'premier', 'chancellor', 'candidate', 'judge', 'prosecutor', 'lawyer', 'researcher',
  'economist', 'journalist', 'correspondent', 'activist', 'resident', 'witness', 'founder', 'chairman', 'ceo',
  'coach', 'player', 'actor', 'singer', 'author', 'mr', 'mrs', 'ms', 'dr',
]);

/** Words after an unknown name that make it an organisation ("Taliban spokesman", "Hamas fighters"). */
export const ORG_FOLLOWERS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'fighters', 'militants', 'government',
  'leadership', 'leaders', 'members', 'commanders', 'commander', 'forces', 'militia', 'ministry', 'party',
]);

/** Words before an unknown name that make it a place ("in Kursk", "liberating Kursk"). */
export const PLACE_LEADERS = new Set([
  'in', 'at', 'near', 'from', 'into', 'outside', 'across', 'toward', 'towards', 'around', 'inside', 'through',
  'liberating', 'liberated', 'liberate', 'captured', 'capturing', 'capture', 'seized', 'seizing', 'occupied',
  'occupying', 'recaptured', 'retook', 'invaded', 'invading', 'shelled', 'shelling', 'bombed', 'bombing', 'entered',
  'fled', 'visited', 'visiting',
]);

/** Nouns after an unknown name that make it a place ("the Chaman border", "Kandahar province"). */
export const PLACE_NOUNS = new Set([
  'border', 'province', 'district', 'region', 'city', 'town', 'village', 'county', 'state', 'oblast', 'river',
  'valley', 'airport', 'port', 'crossing', 'governorate', 'prefecture', 'island', 'islands', 'peninsula', 'strait',
  'sea', 'bay', 'mountains', 'desert', 'camp', 'neighbourhood', 'neighborhood', 'suburb', 'area',
]);

/** Acronyms that name countries, not organisations. */
export const COUNTRY_ACRONYMS = new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'U.A.E.', 'DPRK', 'PRC', 'DRC', 'ROK']);

/** A name that is only a compass point is half of a longer name that was split ("North" of "North Korean"). */
export const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest']);

/** Particles inside names ("Ursula von der Leyen", "Osama bin Laden"). */
export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'dos', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'abu']);

/** Cardinal number words; digits are found by pattern. */
export const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen',
  'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'half', 'twice', 'double', 'triple',
]);

/** Superlatives compromise does not tag as such. */
export const SUPERLATIVE_WORDS = new Set(['first', 'only', 'record', 'unprecedented', 'largest', 'biggest', 'worst', 'best', 'highest', 'lowest', 'deadliest']);
