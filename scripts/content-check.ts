/*
 * `npm run content:check`: every problem in every content file at once, without
 * building. Exits 1 when there is anything to fix; warnings alone exit 0.
 */
import { checkContent } from "@/lib/content/checks/check-content";

const { entries, errors, warnings } = checkContent();

for (const warning of warnings) console.warn(`warning  ${warning.file}: ${warning.message}`);
for (const error of errors) console.error(`error    ${error.file}: ${error.message}`);

if (errors.length > 0) {
  console.error(`\n${errors.length} problem(s) to fix before the site can be built.`);
  process.exit(1);
}
console.log(`Content OK: ${entries.length} page(s) checked, ${warnings.length} warning(s).`);
