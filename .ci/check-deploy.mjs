#!/usr/bin/env node
// Checks what `fun validate` cannot: that template.yml and s.yaml describe the code that was
// built. Run after `mvn -B -DskipTests package`, from the repository root:
//   node .ci/check-deploy.mjs [--root DIR] [MANIFEST...]     (default: template.yml s.yaml)
// Prints one line per problem and exits 1 when there is any.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCodeFacts } from './lib/code-facts.mjs';
import { ManifestError, loadManifest } from './lib/manifests.mjs';
import { checkFunction, checkTriggersAndAsync, entryFunctions } from './lib/rules.mjs';
import { checkEnvironment, checkPolicies } from './lib/wiring.mjs';

export const DEFAULT_MANIFESTS = ['template.yml', 's.yaml'];

/** Returns every problem as "manifest: sentence"; an empty list means consistent. */
export function checkDeployment(root, manifests = DEFAULT_MANIFESTS) {
  const facts = readCodeFacts(root);
  const problems = facts.problems.map((p) => `code: ${p}`);
  for (const manifest of manifests) {
    problems.push(...checkManifest(root, manifest, facts).map((p) => `${manifest}: ${p}`));
  }
  return problems;
}

function checkManifest(root, manifest, facts) {
  const path = join(root, manifest);
  if (!existsSync(path)) return ['missing'];
  let model;
  try {
    model = loadManifest(path);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    return [e.message];
  }
  const problems = [];
  const fns = entryFunctions(model, problems);
  for (const [role, fn] of Object.entries(fns)) checkFunction(fn, role, root, problems);
  checkTriggersAndAsync(fns, problems);
  if (facts.variables) checkEnvironment(fns, facts.variables, problems);
  checkPolicies(model, fns, facts.calls, problems);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  let root = process.cwd();
  const rootAt = args.indexOf('--root');
  if (rootAt >= 0) {
    root = resolve(args[rootAt + 1] ?? '.');
    args.splice(rootAt, 2);
  }
  const manifests = args.length > 0 ? args : DEFAULT_MANIFESTS;
  const problems = checkDeployment(root, manifests);
  for (const p of problems) console.log(`check-deploy: FAIL ${p}`);
  if (problems.length > 0) {
    console.log(`check-deploy: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`check-deploy: ok: ${manifests.join(', ')} match the code and the jars`);
}
