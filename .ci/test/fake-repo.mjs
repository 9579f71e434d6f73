// Builds throwaway copies of the repository for the checker: the real template.yml and s.yaml
// (optionally with small edits), jars compiled from test/fixtures/stubs, and fixture copies of
// the Java sources the checker reads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
const FIXTURES = join(HERE, 'fixtures');
const made = [];
let jars;

/** Compiles the stub entry points once per test process: { front, execution } jar paths. */
function buildJars() {
  if (jars) return jars;
  const dir = mkdtempSync(join(tmpdir(), 'deploy-check-jars-'));
  made.push(dir);
  const stubs = join(FIXTURES, 'stubs');
  const sources = listJava(stubs);
  execFileSync('javac', ['--release', '11', '-d', join(dir, 'classes'), ...sources]);
  const jar = (name, entryPackage) => {
    const path = join(dir, name);
    execFileSync('jar', ['cf', path, '-C', join(dir, 'classes'), 'com', '-C', join(dir, 'classes'), 'javax',
      '-C', join(dir, 'classes'), `chatops/${entryPackage}`]);
    return path;
  };
  jars = { front: jar('front-fc.jar', 'front'), execution: jar('execution-fc.jar', 'execution') };
  return jars;
}

function listJava(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.java'))
    .map((f) => join(dir, f));
}

/**
 * A fresh repository root. edits: { 'template.yml': [[find, replace], ...], 'Variable.java': ... }
 * where a source is named by its file name; each find must occur (so a stale test fails loudly).
 * omit: repository-relative paths to leave out.
 */
export function fakeRepo({ edits = {}, omit = [] } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'deploy-check-repo-'));
  made.push(root);
  const { front, execution } = buildJars();
  const files = {
    'template.yml': join(REPO, 'template.yml'),
    's.yaml': join(REPO, 's.yaml'),
  };
  for (const path of listJava(join(FIXTURES, 'sources'))) {
    files[relative(join(FIXTURES, 'sources'), path)] = path;
  }
  for (const [target, source] of Object.entries(files)) {
    if (omit.includes(target)) continue;
    const name = target.slice(target.lastIndexOf('/') + 1);
    let text = readFileSync(source, 'utf8');
    for (const [find, replace] of edits[name] ?? []) {
      if (!text.includes(find)) throw new Error(`test edit for ${name}: "${find}" not found`);
      text = text.replace(find, replace);
    }
    mkdirSync(dirname(join(root, target)), { recursive: true });
    writeFileSync(join(root, target), text);
  }
  for (const [target, jar] of [['front-fc/target/front-fc.jar', front], ['execution-fc/target/execution-fc.jar', execution]]) {
    if (omit.includes(target)) continue;
    mkdirSync(dirname(join(root, target)), { recursive: true });
    symlinkSync(jar, join(root, target));
  }
  return root;
}

export function removeFakeRepos() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  jars = undefined;
}
