// Third-party notices for the bundles, made at build time (esbuild.js): every npm package whose
// code or data esbuild put into a shipped bundle, found from the bundle's metafile, with the
// licence text the package itself ships. Written to dist/THIRD-PARTY-NOTICES.md, which goes into
// the .vsix (.vscodeignore) and the npm package (.npmignore).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files of a package that carry its licence or copyright notices (LICENSE, LICENCE.md, COPYING, Copyright, NOTICE…). */
const LICENCE_FILE = /^(?:licen[cs]e|copying|copyright|notice)(?:[-._][\w.-]{0,40})?$/i;

/**
 * The package folder (relative to the working folder, with forward slashes) that an esbuild input
 * path belongs to, or undefined for the project's own files. The last `node_modules/` segment
 * counts, so a nested copy of a package is its own entry.
 * @param {string} input an input path of an esbuild metafile, such as `node_modules/unified/lib/index.js`
 * @returns {string | undefined}
 */
export function packageFolderOf(input) {
  const path = input.replace(/\\/g, '/').replace(/^[a-z-]{1,40}:(?!\/)/, '');
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = path.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return name ? `${path.slice(0, at)}node_modules/${name}` : undefined;
}

/**
 * The package folders whose files are in one output of an esbuild metafile.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} output the output's path as the metafile gives it, such as `dist/cli.cjs`
 * @returns {string[]} sorted package folders
 */
export function bundledPackageFolders(metafile, output) {
  const inputs = metafile.outputs[output]?.inputs;
  if (!inputs) throw new Error(`the metafile has no output “${output}”`);
  const folders = new Set();
  for (const input of Object.keys(inputs)) {
    const folder = packageFolderOf(input);
    if (folder) folders.add(folder);
  }
  return [...folders].sort();
}

/**
 * A package's name, version, declared licence, home page and licence files, read from its folder.
 * @param {string} folder
 * @param {string} cwd
 */
export function readPackage(folder, cwd = process.cwd()) {
  const dir = join(cwd, folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const declared =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ?? (Array.isArray(manifest.licenses) ? manifest.licenses.map((l) => l.type ?? l).join(' OR ') : undefined));
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const files = readdirSync(dir)
    .filter((name) => LICENCE_FILE.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n').trimEnd() }));
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  if (files.length === 0) files.push(...noticeFromReadme(dir, declared));
  return {
    folder,
    name: String(manifest.name ?? folder),
    version: String(manifest.version ?? ''),
    license: declared,
    homepage: manifest.homepage ?? repository,
    author,
    files,
  };
}

/** The MIT licence's standard text, for a package that declares MIT but ships no licence file. */
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/**
 * For a package that ships no licence file (`format`, whose README holds its copyright line and
 * names the MIT licence): the README's licence section, and for MIT the licence's standard text,
 * which that copyright line is given under.
 */
function noticeFromReadme(dir, declared) {
  const readme = readdirSync(dir).find((name) => /^readme(?:\.(?:md|markdown|txt))?$/i.test(name));
  if (!readme) return [];
  const lines = readFileSync(join(dir, readme), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  // An ATX (`## License`) or setext (`License` over `=======`) heading, up to the next heading.
  const isHeading = (i) => /^#{1,6}\s/.test(lines[i]) || (/^(?:=+|-+)\s*$/.test(lines[i + 1] ?? '') && lines[i].trim() !== '');
  const start = lines.findIndex((line, i) => isHeading(i) && /\blicen[cs]e\b/i.test(line));
  if (start < 0) return [];
  let end = start + (/^#/.test(lines[start]) ? 1 : 2);
  while (end < lines.length && !isHeading(end)) end++;
  const section = lines.slice(start, end).join('\n').trim();
  const found = [{ name: `${readme} (its licence section; the package ships no licence file)`, text: section }];
  if (declared === 'MIT') found.push({ name: 'The MIT licence that section names (standard text)', text: MIT_TEXT });
  return found;
}

/** A fence longer than any run of backticks in `text`. */
function fenceFor(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The notices file: which packages each bundle holds, then each package once, with the bundles it
 * is in and its licence text; then the licence comments esbuild found in the bundled code itself
 * (`legalComments: 'external'`: a package that carries another's code inside its own build, as
 * docx does, keeps that code's notice there).
 * @param {{ output: string, folders: string[], legal?: string }[]} bundles
 * @param {string} cwd
 * @returns {string}
 */
export function noticesMarkdown(bundles, cwd = process.cwd()) {
  // One entry per package and version: copies of it in several folders (nested node_modules) are one.
  /** @type {Map<string, ReturnType<typeof readPackage> & { bundles: string[] }>} */
  const byVersion = new Map();
  for (const { output, folders } of bundles) {
    for (const folder of folders) {
      const pkg = readPackage(folder, cwd);
      const key = `${pkg.name}@${pkg.version}`;
      const entry = byVersion.get(key) ?? { ...pkg, bundles: [] };
      if (!entry.bundles.includes(output)) entry.bundles.push(output);
      byVersion.set(key, entry);
    }
  }
  const packages = [...byVersion.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  let out = '# Third-party notices\n\n';
  out +=
    'The bundles of case-review-lint hold code and data from the npm packages below. This file is made ' +
    'when the bundles are built (`node esbuild.js`, from esbuild’s list of every file that went into each ' +
    'bundle), so it lists exactly what each bundle holds. Each package’s licence and notice files follow ' +
    'as the package ships them.\n\n';
  out += '| Bundle | Packages |\n| --- | --- |\n';
  for (const { output, folders } of bundles) out += `| \`${output}\` | ${folders.length} |\n`;
  for (const pkg of packages) {
    out += `\n## ${pkg.name} ${pkg.version}\n\n`;
    out += `Licence: ${pkg.license ?? 'not declared'}`;
    if (pkg.author) out += ` · Author: ${pkg.author}`;
    if (pkg.homepage) out += ` · ${String(pkg.homepage).replace(/^git\+/, '')}`;
    out += `\n\nIn: ${pkg.bundles.map((o) => `\`${o}\``).join(', ')}\n`;
    if (pkg.files.length === 0) {
      out += `\nThe package ships no licence file; its package.json declares the licence ${pkg.license ? `“${pkg.license}”` : 'nowhere'}.\n`;
      continue;
    }
    for (const file of pkg.files) {
      const fence = fenceFor(file.text);
      out += `\n${file.name}:\n\n${fence}text\n${file.text}\n${fence}\n`;
    }
  }
  /** @type {Map<string, string[]>} the same comments in several bundles are given once */
  const legal = new Map();
  for (const { output, legal: text } of bundles) {
    const trimmed = text?.replace(/\r\n?/g, '\n').trim();
    if (trimmed) legal.set(trimmed, [...(legal.get(trimmed) ?? []), output]);
  }
  if (legal.size > 0) {
    out +=
      '\n## Licence comments in the bundled code\n\nNotices that packages carry inside their own code (for code of others they include), as esbuild collected them.\n';
    for (const [text, outputs] of legal) {
      const fence = fenceFor(text);
      out += `\nIn: ${outputs.map((o) => `\`${o}\``).join(', ')}\n\n${fence}text\n${text}\n${fence}\n`;
    }
  }
  return out;
}
