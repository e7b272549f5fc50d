/**
 * Precision and recall of the anonymisation rule's name detectors on the
 * labelled corpora in test/fixtures/anonymisation (run: npx tsx scripts/measure-anonymisation.ts).
 */
import { scoreNames } from '../test/unit/name-corpus.js';

const corpora = {
  dev: { path: 'test/fixtures/anonymisation/names-dev.md', places: ['Northshire'] },
  heldout: { path: 'test/fixtures/anonymisation/names-heldout.md', places: ['Eastport'] },
  heldout2: { path: 'test/fixtures/anonymisation/names-heldout-2.md', places: ['Southvale'] },
  heldout3: { path: 'test/fixtures/anonymisation/names-heldout-3.md', places: ['Westmoor'] },
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const [name, corpus] of Object.entries(corpora)) {
  for (const withPlaces of [true, false]) {
    for (const detector of ['caps', 'nlp', 'combined']) {
      const t0 = performance.now();
      const s = scoreNames(corpus.path, { nameDetector: detector, places: withPlaces ? corpus.places : [], flagProfessionalNames: true });
      const ms = performance.now() - t0;
      console.log(
        `${name.padEnd(8)} places=${String(withPlaces).padEnd(5)} ${detector.padEnd(9)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  F1 ${pct(s.f1).padStart(6)}  tp ${s.truePositives} fp ${s.falsePositives} fn ${s.falseNegatives}  ${ms.toFixed(0)} ms`,
      );
      if (process.argv.includes('--verbose'))
        console.log(`   missed: ${s.missed.join(', ')}\n   false alarms: ${s.falseAlarms.join(', ')}`);
    }
  }
}
