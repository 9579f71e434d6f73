// Deploy-time placeholders in template.yml and s.yaml: ${NAME} (required) and ${NAME:-default}.
// Upper-case names only, so Serverless Devs' own ${vars.x} / ${env(X)} never match.
const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;

/** Every placeholder in a string: [{ name, fallback }] (fallback is undefined when required). */
export function placeholdersIn(text) {
  return [...String(text).matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], fallback: m[2] }));
}

/** Replaces placeholders from env; names it could not fill are added to `missing`. */
export function fill(text, env, missing) {
  return String(text).replace(PLACEHOLDER, (whole, name, fallback) => {
    if (typeof env[name] === 'string') return env[name];
    if (fallback !== undefined) return fallback;
    missing.add(name);
    return whole;
  });
}
