/** Build step: validate the built-in rule packs and write the cache that runs load instead of YAML. */
import { CLAUSE_VERB_LEMMAS } from '../src/attribution/extract.js';
import { buildLexiconMatcher, lexiconSignature } from '../src/detectors/lexicon.js';
import { writeCache } from '../src/rules/cache.js';
import { listPacks, parseFiles } from '../src/rules/load.js';
import { builtinRulesDir } from '../src/paths.js';
import { UserError } from '../src/input/errors.js';
import { defaultOutletDir, readRegistryData, registryFiles } from '../src/outlets/registry.js';
import { writeRegistryCache } from '../src/outlets/registry-cache.js';

try {
  const files = listPacks(builtinRulesDir());
  const rules = parseFiles(files);
  const lexiconRules = rules.filter((r) => r.detector === 'lexicon');
  const matcher = buildLexiconMatcher(lexiconRules, false);
  writeCache(files, rules, { [lexiconSignature(lexiconRules)]: matcher.toData() }, CLAUSE_VERB_LEMMAS);
  const outlets = defaultOutletDir();
  const outletFiles = registryFiles(outlets);
  const registry = readRegistryData(outlets, outletFiles);
  writeRegistryCache(outlets, outletFiles, registry);
  console.log(`compiled ${rules.length} rules from ${files.length} packs and ${registry.entries.length} outlets`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`slant: ${error.message}`);
  process.exitCode = 2;
}
