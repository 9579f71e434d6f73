// Rules tying the manifests to the code: environment variables (chatops.config.Variable) and
// the RAM policies (the SDK calls the code makes). Never prints an environment variable's value.
import { SOURCES } from './code-facts.mjs';

const ROLE_WORD = { FRONT: 'the Front', EXECUTION: 'the Execution' };

/** Each function declares exactly the variables the enum says it reads; secrets stay placeholders. */
export function checkEnvironment(fns, variables, problems) {
  const byName = new Map(variables.map((v) => [v.name, v]));
  for (const [role, fn] of Object.entries(fns)) {
    const at = `function ${fn.name}`;
    const declared = Object.keys(fn.env);
    for (const v of variables) {
      if (v.readers.has(role) && !v.platform && !declared.includes(v.name)) {
        problems.push(`${at}: ${v.name} is read by ${ROLE_WORD[role]} (${SOURCES.variables}) but not declared`);
      }
    }
    for (const name of declared) {
      const v = byName.get(name);
      if (!v) {
        problems.push(`${at}: declares ${name}, which no code reads (not in ${SOURCES.variables})`);
      } else if (v.platform) {
        problems.push(`${at}: declares ${name}, which the platform sets (FC reserves FC_*): remove it`);
      } else if (!v.readers.has(role)) {
        problems.push(`${at}: declares ${name}, which ${ROLE_WORD[role]} does not read`);
      }
      const value = fn.env[name];
      if (typeof value !== 'string') {
        problems.push(`${at}: ${name} must be a quoted string (FC environment values are strings)`);
      } else if (v?.secret && !['', `\${${name}}`, `\${${name}:-}`].includes(value)) {
        problems.push(`${at}: ${name} is a secret: its value must be \${${name}} or '' so no secret is committed`);
      }
    }
  }
  const { FRONT: front, EXECUTION: execution } = fns;
  if (front && execution) {
    const wiring = { INVOKE_FC: execution.name, INVOKE_SERVICE: execution.service };
    for (const [name, expected] of Object.entries(wiring)) {
      if (name in front.env && front.env[name] !== expected) {
        problems.push(`function ${front.name}: ${name} must name the Execution's ${name === 'INVOKE_FC' ? 'function' : 'service'} "${expected}"`);
      }
    }
  }
}

/**
 * Separate roles, each granting exactly the calls its code makes: the Front fc:InvokeFunction on
 * the Execution function only, the Execution only its ECS actions. `calls` maps role -> Set, or
 * to undefined when the code could not be read (then only the code-independent rules run).
 */
export function checkPolicies(model, fns, calls, problems) {
  const { FRONT: front, EXECUTION: execution } = fns;
  if (front && execution && front.service === execution.service) {
    problems.push(`${front.name} and ${execution.name} share service ${front.service}, so they would share one role: give each its own service`);
  }
  for (const [role, fn] of Object.entries(fns)) {
    const services = model.services.filter((s) => s.name === fn.service);
    if (services.length !== 1) continue;
    const service = services[0];
    const at = `service ${service.name}`;
    const others = model.functions.filter((f) => f.service === service.name && f !== fn);
    if (others.length > 0) problems.push(`${at}: also holds ${others.map((f) => f.name).join(', ')}: they would share ${fn.name}'s role`);
    if (service.role !== 'generated') {
      problems.push(`${at}: Role ${service.role} is given, so the tool ignores the policies here and the grant cannot be checked`);
      continue;
    }
    const granted = new Set();
    for (const policy of service.policies) {
      if (typeof policy === 'string') {
        problems.push(`${at}: attaches system policy ${policy}, which grants more than the code calls`);
        continue;
      }
      for (const s of policy.statements) {
        if (s.effect !== 'Allow') continue;
        for (const action of s.actions) {
          if (action.includes('*')) problems.push(`${at}: wildcard action ${action} grants more than the code calls`);
          granted.add(action);
        }
        checkResources(role, s, execution, at, problems);
      }
    }
    if (!calls[role]) continue;
    const source = role === 'FRONT' ? SOURCES.fcCalls : SOURCES.ecsCalls;
    const covers = (pattern, action) => new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(action);
    for (const action of calls[role]) {
      if (![...granted].some((g) => covers(g, action))) problems.push(`${at}: does not grant ${action}, which ${source} calls`);
    }
    for (const action of granted) {
      if (!calls[role].has(action) && !action.includes('*')) {
        problems.push(`${at}: grants ${action}, which ${ROLE_WORD[role]}'s code does not call`);
      }
    }
  }
}

function checkResources(role, statement, execution, at, problems) {
  if (role === 'FRONT') {
    if (!execution) return;
    const part = '(?:\\$\\{[A-Z_][A-Z0-9_]*\\}|[a-z0-9-]+)';
    const arn = new RegExp(`^acs:fc:${part}:${part}:services/${escape(execution.service)}/functions/${escape(execution.name)}$`);
    for (const resource of statement.resources) {
      if (!arn.test(resource)) {
        problems.push(`${at}: grants on ${resource}; must be exactly acs:fc:{region}:{account}:services/${execution.service}/functions/${execution.name}`);
      }
    }
  } else {
    for (const resource of statement.resources) {
      if (resource !== '*' && !resource.startsWith('acs:ecs:')) {
        problems.push(`${at}: grants on ${resource}, which is not an ECS resource`);
      }
    }
  }
}

function escape(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
