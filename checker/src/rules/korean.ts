/** The two forms of a Korean particle: after a final consonant (batchim) and after a vowel. */
export type Particle = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로';

const BATCHIM_DIGITS = new Set(['0', '1', '3', '6', '7', '8']);
const RIEUL_DIGITS = new Set(['1', '7', '8']);
const BATCHIM_LETTERS = new Set(['l', 'm', 'n', 'r']);
const RIEUL_LETTERS = new Set(['l', 'r']);

/**
 * Appends the form of a Korean particle that fits how `word` is read aloud, so messages that
 * embed ids and numbers read naturally: withParticle('10.0.0.0/16', '을/를') → "10.0.0.0/16을"
 * (영 ends in a consonant), withParticle('WebSg', '이/가') → "WebSg가". A trailing "(...)" is
 * skipped, as Korean attaches the particle to the word before it.
 */
export function withParticle(word: string, particle: Particle): string {
  const [afterConsonant, afterVowel] = particle.split('/');
  const spoken = word.replace(/\s*\([^()]*\)\s*$/, '').replace(/[.\s]+$/, '');
  const last = spoken.trimEnd().slice(-1).toLowerCase();
  let consonant = false;
  let rieul = false;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    consonant = final !== 0;
    rieul = final === 8;
  } else if (/[0-9]/.test(last)) {
    consonant = BATCHIM_DIGITS.has(last);
    rieul = RIEUL_DIGITS.has(last);
  } else if (/[a-z]/.test(last)) {
    consonant = BATCHIM_LETTERS.has(last);
    rieul = RIEUL_LETTERS.has(last);
  }
  // "으로" is the one particle whose short form also follows ㄹ: 서울로, 1로(일로).
  const form = particle === '으로/로' ? (consonant && !rieul ? afterConsonant : afterVowel) : consonant ? afterConsonant : afterVowel;
  return `${word}${form}`;
}
