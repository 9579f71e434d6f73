// Reads the two deployment manifests into one model so every rule is written once:
//   { services: [{ name, role, policies }], functions: [{ name, service, ...properties }] }
// role is 'generated' (the tool creates it from `policies`) or the ARN/name given instead.
// policies: a system policy name (string) or { statements: [{ effect, actions, resources }] }.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/** Thrown when a manifest does not have the shape its tool expects; the message says where. */
export class ManifestError extends Error {}

export function loadManifest(path) {
  let doc;
  try {
    doc = yaml.load(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ManifestError(`cannot read: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc)) throw new ManifestError('not a YAML map');
  if (doc.ROSTemplateFormatVersion !== undefined) return fromFuncraft(doc);
  if (doc.edition !== undefined) return fromServerlessDevs(doc);
  throw new ManifestError('neither a Funcraft template (ROSTemplateFormatVersion) nor a Serverless Devs file (edition)');
}

function fromFuncraft(doc) {
  const services = [];
  const functions = [];
  for (const [serviceName, service] of Object.entries(mapAt(doc, 'Resources', 'Resources'))) {
    if (!isMap(service) || service.Type !== 'Aliyun::Serverless::Service') continue;
    const props = service.Properties || {};
    services.push({
      name: serviceName,
      role: props.Role === undefined ? 'generated' : String(props.Role),
      policies: listOf(props.Policies).map(funcraftPolicy),
    });
    for (const [name, fn] of Object.entries(service)) {
      if (!isMap(fn) || fn.Type !== 'Aliyun::Serverless::Function') continue;
      const p = mapAt(fn, 'Properties', `${serviceName}/${name}/Properties`);
      const async = p.AsyncConfiguration;
      functions.push({
        name,
        service: serviceName,
        runtime: p.Runtime,
        codeUri: p.CodeUri,
        handler: p.Handler,
        initializer: p.Initializer,
        initializationTimeout: p.InitializationTimeout,
        memorySize: p.MemorySize,
        timeout: p.Timeout,
        instanceConcurrency: p.InstanceConcurrency,
        env: p.EnvironmentVariables || {},
        async: async === undefined ? undefined : {
          retries: async.MaxAsyncRetryAttempts,
          // fun 3.6.24 destructures Destination without a guard (lib/function-async-config.js).
          destinationRequired: true,
          hasDestination: isMap(async.Destination),
        },
        triggers: Object.entries(fn.Events || {}).map(([triggerName, e]) => ({
          name: triggerName,
          type: String(e.Type || '').toLowerCase(),
          authType: e.Properties?.AuthType,
          methods: e.Properties?.Methods,
        })),
      });
    }
  }
  return { services, functions };
}

function funcraftPolicy(policy) {
  if (typeof policy === 'string') return policy;
  return { statements: listOf(policy?.Statement).map(statement) };
}

function fromServerlessDevs(doc) {
  const services = [];
  const functions = [];
  for (const [key, entry] of Object.entries(mapAt(doc, 'services', 'services'))) {
    if (!/^(devsapp\/)?fc(@.*)?$/.test(String(entry?.component))) {
      throw new ManifestError(`services/${key}: component must be devsapp/fc (FC 2.0), not ${entry?.component}`);
    }
    const props = mapAt(entry, 'props', `services/${key}/props`);
    const service = mapAt(props, 'service', `services/${key}/props/service`);
    const fn = mapAt(props, 'function', `services/${key}/props/function`);
    const role = service.role;
    services.push({
      name: service.name,
      role: isMap(role) ? 'generated' : (role === undefined ? 'generated' : String(role)),
      policies: isMap(role) ? listOf(role.policies).map(devsPolicy) : [],
    });
    const async = fn.asyncConfiguration;
    functions.push({
      name: fn.name,
      service: service.name,
      runtime: fn.runtime,
      codeUri: fn.codeUri,
      handler: fn.handler,
      initializer: fn.initializer,
      initializationTimeout: fn.initializationTimeout,
      memorySize: fn.memorySize,
      timeout: fn.timeout,
      instanceConcurrency: fn.instanceConcurrency,
      env: fn.environmentVariables || {},
      async: async === undefined ? undefined : {
        retries: async.maxAsyncRetryAttempts,
        destinationRequired: false,
        hasDestination: isMap(async.destination),
      },
      triggers: listOf(props.triggers).map((t) => ({
        name: t?.name,
        type: String(t?.type || '').toLowerCase(),
        authType: t?.config?.authType,
        methods: t?.config?.methods,
      })),
    });
  }
  return { services, functions };
}

function devsPolicy(policy) {
  if (typeof policy === 'string') return policy;
  return { statements: listOf(policy?.statement).map(statement) };
}

function statement(s) {
  return {
    effect: s?.Effect,
    actions: listOf(s?.Action).map(String),
    resources: listOf(s?.Resource).map(String),
  };
}

function mapAt(parent, key, where) {
  const value = parent?.[key];
  if (!isMap(value)) throw new ManifestError(`${where}: missing or not a map`);
  return value;
}

function listOf(value) {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isMap(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
