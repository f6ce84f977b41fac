// Word-game helper: counts consonants with a v-flag set difference.
const CONSONANT = new RegExp('[a-z--aeiou]', 'gv');

for (const word of ['rhythm', 'queue', 'strengths']) {
  console.log(word, (word.match(CONSONANT) || []).length);
}
