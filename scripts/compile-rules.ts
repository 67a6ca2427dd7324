/**
 * Build step: validate the built-in rule packs and write the caches that runs load instead of
 * YAML (rules, outlets), then the code cache of the bundle, which a run that reads them makes.
 */
import { CLAUSE_VERB_LEMMAS } from '../src/attribution/extract.js';
import { buildCueMatcher, REPORTING_VERB_DETECTOR } from '../src/attribution/lexicon.js';
import { buildLexiconMatcher } from '../src/detectors/lexicon.js';
import { buildClaimMatcher, claimRules } from '../src/detectors/unattributed-claim.js';
import { ruleMatcherKey } from '../src/rules/rule-matcher.js';
import { writeCache } from '../src/rules/cache.js';
import { listPacks, parseFiles } from '../src/rules/load.js';
import { builtinRulesDir, packageRoot } from '../src/paths.js';
import { writeCodeCache } from './code-cache.js';
import { UserError } from '../src/input/errors.js';
import { defaultOutletDir, readRegistryData, registryFiles } from '../src/outlets/registry.js';
import { writeRegistryCache } from '../src/outlets/registry-cache.js';

try {
  const files = listPacks(builtinRulesDir());
  const rules = parseFiles(files);
  // The phrase tries the detectors make of the built-in rules (see ruleMatcher).
  const lexiconRules = rules.filter((r) => r.detector === 'lexicon');
  const cueRules = rules.filter((r) => r.detector === REPORTING_VERB_DETECTOR);
  const claims = claimRules(rules.filter((r) => r.detector === 'unattributed-claim'));
  writeCache(files, rules, {
    [ruleMatcherKey('lexicon', lexiconRules)]: buildLexiconMatcher(lexiconRules, false).toData(),
    [ruleMatcherKey('cues', cueRules)]: buildCueMatcher(cueRules, false).toData(),
    [ruleMatcherKey('claims', claims)]: buildClaimMatcher(claims, false).toData(),
  }, CLAUSE_VERB_LEMMAS);
  const outlets = defaultOutletDir();
  const outletFiles = registryFiles(outlets);
  const registry = readRegistryData(outlets, outletFiles);
  writeRegistryCache(outlets, outletFiles, registry);
  writeCodeCache(packageRoot());
  console.log(`compiled ${rules.length} rules from ${files.length} packs and ${registry.entries.length} outlets`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`slant: ${error.message}`);
  process.exitCode = 2;
}
