/** Build step: validate the built-in rule packs and write the cache that runs load instead of YAML. */
import { writeCache } from '../src/rules/cache.js';
import { listPacks, parseFiles } from '../src/rules/load.js';
import { builtinRulesDir } from '../src/paths.js';
import { UserError } from '../src/input/errors.js';

try {
  const files = listPacks(builtinRulesDir());
  const rules = parseFiles(files);
  writeCache(files, rules);
  console.log(`compiled ${rules.length} rules from ${files.length} packs`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`slant: ${error.message}`);
  process.exitCode = 2;
}
