// An esbuild plugin for the web build (dist/browser.js): fails the build on
// any import of a Node built-in (`node:fs`, `path`, `fs/promises`…), naming
// the module that imports it, so nothing that needs Node can reach the web
// extension host. esbuild's browser platform already picks packages' browser
// builds (vfile's, for one); this catches what remains.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** True for `node:x` and for the bare names of Node's built-in modules (and their subpaths, `fs/promises`). */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** @type {import('esbuild').Plugin} */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:][a-z0-9_/:.-]*$/ }, (args) => {
      if (!isNodeBuiltin(args.path)) return undefined;
      return {
        errors: [
          {
            text: `the web build cannot use the Node built-in “${args.path}” (imported by ${args.importer ? relative(process.cwd(), args.importer) : 'the entry point'})`,
          },
        ],
      };
    });
  },
};
