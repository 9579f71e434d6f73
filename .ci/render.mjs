#!/usr/bin/env node
// Renders template.yml or s.yaml for deployment: fills ${NAME} / ${NAME:-default} from the
// environment and prints the result. Funcraft substitutes nothing itself (API-mode `fun deploy`
// sends values as written), and this keeps secrets out of the committed files.
// Fails closed: any required placeholder left unset stops the render, naming every such variable
// (an empty value is fine: export SLACK_TEAM= to mean "no restriction").
// Usage: node .ci/render.mjs template.yml > template.deploy.yml
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { fill } from './lib/placeholders.mjs';

/** Returns { text, missing }: the rendered YAML and the sorted names nobody set. */
export function render(sourceText, env) {
  const missing = new Set();
  const rendered = walk(yaml.load(sourceText), (s) => fill(s, env, missing));
  const text = '# Rendered by .ci/render.mjs. Holds real settings and secrets: never commit it.\n'
    + yaml.dump(rendered, { lineWidth: -1, noRefs: true });
  return { text, missing: [...missing].sort() };
}

function walk(value, onString) {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, onString)]));
  }
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node .ci/render.mjs template.yml|s.yaml > rendered.yml');
    process.exit(2);
  }
  const { text, missing } = render(readFileSync(file, 'utf8'), process.env);
  if (missing.length > 0) {
    console.error(`render: ${file}: set these variables first (empty is allowed): ${missing.join(', ')}`);
    process.exit(1);
  }
  process.stdout.write(text);
}
