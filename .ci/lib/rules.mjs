// The consistency rules fun validate does not apply. Each returns problems as plain sentences
// that say what is wrong and where; none prints an environment variable's value.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeClass } from './jar.mjs';

const CONTEXT = 'com.aliyun.fc.runtime.Context';
/** The project's two entry points (CONTRACT.md): the module that builds each, and what FC calls. */
const ENTRY_POINTS = {
  FRONT: {
    module: 'front-fc',
    handlerClass: 'chatops.front.FrontHandler',
    handlerParams: `javax.servlet.http.HttpServletRequest,javax.servlet.http.HttpServletResponse,${CONTEXT}`,
  },
  EXECUTION: {
    module: 'execution-fc',
    handlerClass: 'chatops.execution.ExecutionHandler',
    handlerParams: `java.io.InputStream,java.io.OutputStream,${CONTEXT}`,
  },
};
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
// The worker keeps ~10 s of the limit for posting; 60 s more is the shortest useful wait.
const MIN_EXECUTION_TIMEOUT = 70;

/** Finds the Front and the Execution among the manifest's functions by the module their jar comes from. */
export function entryFunctions(model, problems) {
  const found = {};
  for (const [role, entry] of Object.entries(ENTRY_POINTS)) {
    const from = new RegExp(`(^|/)${entry.module}/`);
    const matches = model.functions.filter((f) => from.test(String(f.codeUri)));
    if (matches.length !== 1) {
      problems.push(`${matches.length} functions deploy ${entry.module}'s jar, expected exactly 1`);
    } else {
      found[role] = matches[0];
    }
  }
  for (const fn of model.functions) {
    if (!Object.values(found).includes(fn)) problems.push(`function ${fn.name}: CodeUri ${fn.codeUri} is not one of this project's jars`);
  }
  return found;
}

/** Runtime, sizes and the code itself: the jar exists and holds the handler and initializer. */
export function checkFunction(fn, role, root, problems) {
  const at = `function ${fn.name}`;
  if (fn.runtime !== 'java11') problems.push(`${at}: Runtime is ${fn.runtime}, the code is built for java11`);
  if (!isIntIn(fn.memorySize, 128, 3072) || fn.memorySize % 64 !== 0) {
    problems.push(`${at}: MemorySize ${fn.memorySize} is not a multiple of 64 MB from 128 to 3072`);
  }
  if (!isIntIn(fn.timeout, 1, 600)) problems.push(`${at}: Timeout ${fn.timeout} is not 1..600 s`);
  if (fn.instanceConcurrency !== undefined && !isIntIn(fn.instanceConcurrency, 1, 100)) {
    problems.push(`${at}: InstanceConcurrency ${fn.instanceConcurrency} is not 1..100`);
  }
  const jar = checkCodeUri(fn, root, at, problems);
  const { handlerClass } = ENTRY_POINTS[role];
  const named = [fn.handler, fn.initializer].filter((reference) => reference !== undefined);
  if (named.some((reference) => !String(reference).startsWith(`${handlerClass}::`))) {
    problems.push(`${at}: Handler and Initializer must name ${handlerClass}, the entry point of ${ENTRY_POINTS[role].module}`);
  }
  checkEntry(jar, fn.codeUri, fn.handler, ENTRY_POINTS[role].handlerParams, `${at}: Handler`, problems);
  if (fn.initializer === undefined) {
    problems.push(`${at}: no Initializer: ${handlerClass} builds its clients in initialize`);
  } else {
    checkEntry(jar, fn.codeUri, fn.initializer, CONTEXT, `${at}: Initializer`, problems);
    if (!isIntIn(fn.initializationTimeout, 1, 300)) {
      problems.push(`${at}: InitializationTimeout ${fn.initializationTimeout} is not 1..300 s`);
    }
  }
}

function checkCodeUri(fn, root, at, problems) {
  if (typeof fn.codeUri !== 'string' || !fn.codeUri.endsWith('.jar')) {
    problems.push(`${at}: CodeUri ${fn.codeUri} is not a .jar (the build produces one jar per function)`);
    return undefined;
  }
  const jar = resolve(root, fn.codeUri);
  if (!existsSync(jar) || !statSync(jar).isFile()) {
    problems.push(`${at}: CodeUri ${fn.codeUri} does not exist (run mvn -B -DskipTests package first)`);
    return undefined;
  }
  return jar;
}

function checkEntry(jar, codeUri, reference, params, at, problems) {
  const match = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)::([A-Za-z_$][\w$]*)$/.exec(String(reference));
  if (!match) {
    problems.push(`${at} ${reference} is not package.Class::method`);
    return;
  }
  if (!jar) return;
  const [, className, method] = match;
  const cls = describeClass(jar, className);
  if (!cls.found) {
    problems.push(`${at}: class ${className} is not in ${codeUri}`);
    return;
  }
  if (!cls.constructors.includes('')) {
    problems.push(`${at}: ${className} has no public no-argument constructor (FC creates the handler with it)`);
  }
  const ok = cls.methods.some((m) => m.name === method && m.params === params && !m.isStatic);
  if (!ok) problems.push(`${at}: ${className} has no public instance method ${method}(${params.split(',').join(', ')})`);
}

/** Front: one HTTP POST trigger, anonymous, concurrent. Execution: no trigger, async config set. */
export function checkTriggersAndAsync(fns, problems) {
  for (const fn of Object.values(fns)) {
    for (const t of fn.triggers) {
      const methods = Array.isArray(t.methods) ? t.methods : [];
      if (methods.length === 0) problems.push(`function ${fn.name}: trigger ${t.name} lists no Methods`);
      for (const m of methods) {
        if (!HTTP_METHODS.includes(m)) problems.push(`function ${fn.name}: trigger ${t.name}: ${m} is not an HTTP method`);
      }
    }
  }
  const { FRONT: front, EXECUTION: execution } = fns;
  if (front) {
    const http = front.triggers.filter((t) => t.type === 'http');
    if (front.triggers.length !== 1 || http.length !== 1) {
      problems.push(`function ${front.name}: needs exactly one trigger, of type HTTP (Slack's request URL)`);
    } else {
      const methods = Array.isArray(http[0].methods) ? http[0].methods : [];
      if (methods.length !== 1 || methods[0] !== 'POST') {
        problems.push(`function ${front.name}: trigger ${http[0].name} must allow POST only (Slack posts commands), has ${methods.join(', ')}`);
      }
      if (String(http[0].authType).toLowerCase() !== 'anonymous') {
        problems.push(`function ${front.name}: trigger ${http[0].name} AuthType must be ANONYMOUS: Slack cannot sign FC requests`);
      }
    }
    if (!(front.instanceConcurrency > 1)) {
      problems.push(`function ${front.name}: InstanceConcurrency must be > 1 so one warm instance serves a burst`);
    }
  }
  if (execution) {
    if (execution.triggers.length > 0) {
      problems.push(`function ${execution.name}: must have no trigger; only the Front's async invoke may run it`);
    }
    if (!(execution.timeout >= MIN_EXECUTION_TIMEOUT)) {
      problems.push(`function ${execution.name}: Timeout ${execution.timeout} s leaves no wait after ~10 s for posting (need >= ${MIN_EXECUTION_TIMEOUT})`);
    }
    if (!execution.async) {
      problems.push(`function ${execution.name}: no AsyncConfiguration: set the retry count deliberately`);
    } else {
      if (!isIntIn(execution.async.retries, 0, 8)) {
        problems.push(`function ${execution.name}: async retry count ${execution.async.retries} is not 0..8`);
      }
      if (execution.async.destinationRequired && !execution.async.hasDestination) {
        problems.push(`function ${execution.name}: AsyncConfiguration needs a Destination map (may be {}): fun 3.6.24 fails without one`);
      }
    }
  }
}

function isIntIn(value, min, max) {
  return Number.isInteger(value) && value >= min && value <= max;
}
