// What a packaged jar really contains, asked of the JDK's own javap (no class-file parsing here).
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

const cache = new Map();

/**
 * The public face of a class in a jar: { found, constructors: [params], methods: [{ name, params,
 * isStatic }] } where params is the parameter list as javap prints it, spaces removed.
 */
export function describeClass(jarPath, className) {
  const key = `${realpathSync(jarPath)}\n${className}`;
  if (!cache.has(key)) cache.set(key, runJavap(jarPath, className));
  return cache.get(key);
}

function runJavap(jarPath, className) {
  const result = spawnSync('javap', ['-public', '-cp', jarPath, className], { encoding: 'utf8' });
  if (result.error) throw new Error(`javap could not run (${result.error.code}): a JDK must be on PATH`);
  if (result.status !== 0) return { found: false, constructors: [], methods: [] };
  const constructors = [];
  const methods = [];
  for (const line of result.stdout.split('\n')) {
    const member = /^\s+public\s+([^(]*?)\b([\w$]+)\(([^)]*)\)/.exec(line);
    if (!member) continue;
    const [, modifiersAndType, name, params] = member;
    const entry = { name, params: params.replace(/\s+/g, ''), isStatic: /\bstatic\b/.test(modifiersAndType) };
    // javap prints a constructor as the qualified class name with no return type.
    if (`${modifiersAndType}${name}`.trim() === className) {
      constructors.push(entry.params);
    } else {
      methods.push(entry);
    }
  }
  return { found: true, constructors, methods };
}

