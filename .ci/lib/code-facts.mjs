// What the Java code says the deployment must provide, read from the sources so the manifests
// cannot drift from them: the environment variables (chatops.config.Variable) and the cloud calls
// (the one class per SDK that builds its requests).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCES = {
  variables: 'shared/src/main/java/chatops/config/Variable.java',
  ecsCalls: 'execution-fc/src/main/java/chatops/execution/AliyunEcsGateway.java',
  fcCalls: 'front-fc/src/main/java/chatops/front/FcExecutionInvoker.java',
};

/** A source is missing or not in the expected shape; the message names the file. */
class CodeFactsError extends Error {}

/**
 * Reads every fact it can: { variables, calls: { FRONT, EXECUTION }, problems }. variables is
 * [{ name, readers: Set('FRONT'|'EXECUTION'), secret, platform }]; calls map to Sets of RAM
 * actions. A fact that cannot be read is left undefined and explained in problems.
 */
export function readCodeFacts(root) {
  const problems = [];
  const attempt = (read) => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof CodeFactsError)) throw e;
      problems.push(e.message);
      return undefined;
    }
  };
  return {
    variables: attempt(() => parseVariables(readSource(root, SOURCES.variables))),
    calls: {
      FRONT: attempt(() => fcRestCalls(readSource(root, SOURCES.fcCalls), SOURCES.fcCalls)),
      EXECUTION: attempt(() => sdkCalls(readSource(root, SOURCES.ecsCalls), 'ecs', SOURCES.ecsCalls)),
    },
    problems,
  };
}

function readSource(root, relative) {
  const file = join(root, relative);
  if (!existsSync(file)) throw new CodeFactsError(`${relative} is missing (the check reads it)`);
  return readFileSync(file, 'utf8');
}

/** Java source without comments, string and char literals (their words are not code). */
export function stripJava(source) {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, (m) =>
    (m.startsWith('/') ? ' ' : '""'));
}

/**
 * The enum constants of Variable. Each constant's arguments must name its readers with the
 * tokens FRONT and/or EXECUTION; SECRET marks a secret and PLATFORM one the platform sets (never
 * declared in a manifest). Any spelling around them works: Reader.FRONT, EnumSet.of(FRONT, ...).
 */
export function parseVariables(source) {
  const code = stripJava(source);
  const head = /\benum\s+Variable\b[^{]*\{/.exec(code);
  if (!head) throw new CodeFactsError(`${SOURCES.variables}: no "enum Variable" found`);
  const variables = [];
  for (const constant of splitConstants(code, head.index + head[0].length)) {
    const match = /^\s*(?:@\w+(?:\([^)]*\))?\s*)*([A-Z][A-Z0-9_]*)\s*(?:\(([\s\S]*)\))?/.exec(constant);
    if (!match) throw new CodeFactsError(`${SOURCES.variables}: cannot read constant "${constant.trim()}"`);
    const tokens = new Set(match[2] ? match[2].match(/[A-Za-z_][A-Za-z0-9_]*/g) : []);
    const readers = new Set(['FRONT', 'EXECUTION'].filter((r) => tokens.has(r)));
    if (readers.size === 0) {
      throw new CodeFactsError(`${SOURCES.variables}: ${match[1]} names no reader (FRONT or EXECUTION)`);
    }
    variables.push({ name: match[1], readers, secret: tokens.has('SECRET'), platform: tokens.has('PLATFORM') });
  }
  if (variables.length === 0) throw new CodeFactsError(`${SOURCES.variables}: enum Variable has no constants`);
  return variables;
}

// Constants run from the enum's "{" to the first ";" (or "}") at nesting depth 0.
function splitConstants(code, start) {
  const constants = [];
  let depth = 0;
  let current = '';
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (depth === 0 && (c === ';' || c === '}')) break;
    if (c === '(' || c === '{' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']') depth--;
    if (depth === 0 && c === ',') {
      constants.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  constants.push(current);
  return constants.filter((c) => c.trim() !== '');
}

/** RAM actions for the SDK requests a class builds: `new StartInstancesRequest(` -> ecs:StartInstances. */
export function sdkCalls(source, product, relative) {
  const names = [...stripJava(source).matchAll(/\bnew\s+(\w+)Request\s*\(/g)].map((m) => m[1]);
  if (names.length === 0) throw new CodeFactsError(`${relative}: builds no "new ...Request(", so no calls to grant`);
  return new Set(names.map((name) => `${product}:${name}`));
}

/**
 * FC 2.0 REST operations the Front's invoker builds, by the API paths in its string literals
 * (it signs and sends InvokeFunction itself rather than through aliyun-java-sdk-fc): the last
 * literal segment of a `/2016-08-15/...` path names the operation.
 */
const FC_OPERATIONS = { invocations: 'InvokeFunction' };

export function fcRestCalls(source, relative) {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  const literals = [...code.matchAll(/"((?:\\.|[^"\\\n])*)"/g)].map((m) => m[1]);
  const start = literals.findIndex((l) => l.startsWith('/2016-08-15/'));
  if (start < 0) throw new CodeFactsError(`${relative}: builds no "/2016-08-15/..." FC API path, so no calls to grant`);
  const actions = new Set();
  for (const literal of literals.slice(start)) {
    const segment = /\/([a-z]+)$/.exec(literal);
    if (segment && FC_OPERATIONS[segment[1]]) actions.add(`fc:${FC_OPERATIONS[segment[1]]}`);
  }
  if (actions.size === 0) throw new CodeFactsError(`${relative}: its FC API path names no operation this check knows`);
  return actions;
}
