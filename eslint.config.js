// The linter (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's recommended rules.
// Formatting is Prettier's job (.prettierrc.json); nothing here overlaps with it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/', '.study/', '.vscode-test/', 'test-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {},
  },
);
