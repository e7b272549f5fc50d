/**
 * Prints, as JSON, every regular expression the engine constructs at run time
 * (phrase lists from data, patterns built from strings) while linting the given
 * documents and every rule's examples. RegExp is replaced before the engine is
 * loaded, so module-level patterns are caught too.
 */
import { readFileSync } from 'node:fs';

const seen = new Map<string, { source: string; flags: string }>();
const Native = RegExp;
/** The call site in this project's code (src/, lint-rules/) that built a pattern, or undefined for dependencies. */
const site = (): string | undefined => {
  const caller = (new Error().stack ?? '')
    .split('\n')
    .slice(3)
    .find((line) => !line.includes('collect-regexes'));
  if (caller === undefined || caller.includes('node_modules') || !/[/\\](?:src|lint-rules)[/\\]/.test(caller)) return undefined;
  return caller.trim();
};
/** Patterns per call site: a site that builds one pattern per name in a document is checked on its longest few. */
const bySite = new Map<string, { source: string; flags: string }[]>();
const PER_SITE = 3;
const record = (re: RegExp) => {
  const where = site();
  if (where) {
    const list = bySite.get(where) ?? [];
    if (!list.some((p) => p.source === re.source && p.flags === re.flags)) list.push({ source: re.source, flags: re.flags });
    list.sort((a, b) => b.source.length - a.source.length).splice(PER_SITE);
    bySite.set(where, list);
  }
  return re;
};
// A Proxy catches both `new RegExp(...)` and `RegExp(...)` called as a function.
globalThis.RegExp = new Proxy(Native, {
  construct: (target, args: [string | RegExp, string?]) => record(new target(...args)),
  apply: (target, _this, args: [string | RegExp, string?]) => record(target(...args)),
});

const { lintText, rules } = await import('../../src/index.js');
for (const file of process.argv.slice(2)) lintText(readFileSync(file, 'utf8'));
for (const rule of rules) for (const example of rule.meta.examples) lintText(example.markdown, { config: example.settings ?? {} });
globalThis.RegExp = Native;
for (const list of bySite.values()) for (const p of list) seen.set(`${p.flags}/${p.source}`, p);
process.stdout.write(JSON.stringify([...seen.values()]));
