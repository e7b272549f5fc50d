#!/usr/bin/env bash
# Every test: types, lint and format, build, generated docs, unit and CLI tests, then the extension's
# suite inside a real VS Code (code-server's extension host, see scripts/vscode-test/).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npx tsc -p .
step "lint and format (ESLint, Prettier)"
npm run lint
step "build"
node esbuild.js
step "generated docs are up to date"
node --import tsx scripts/generate-docs.ts --check
step "system packages for the Word export test (LibreOffice, poppler)"
bash scripts/setup-export-tests.sh
step "unit and CLI tests"
npx mocha
step "slow tests: ReDoS check of every pattern, fuzzing, hostile inputs, remark-cli agreement"
npm run test:slow
step "extension tests in a real VS Code"
bash scripts/vscode-test/setup.sh
# The CLI's findings on the example, which the editor must show too (test/vscode/person-view.test.ts).
node dist/cli.cjs --format json examples/overview-report.md > out/vscode-test/example-cli.json || [ $? -eq 1 ]
node scripts/vscode-test/run.mjs \
  --extension-development-path "$PWD" \
  --extension-tests-path "$PWD/out/vscode-test/index.cjs" \
  --workspace "$PWD/test/fixtures/vscode-workspace"
step "the web extension (dist/browser.js) in VS Code's web worker extension host"
node scripts/vscode-test/run.mjs --web \
  --extension-development-path "$PWD" \
  --extension-tests-path "$PWD/out/vscode-test-web/index.cjs.js" \
  --workspace "$PWD/test/fixtures/vscode-workspace"
step "the packaged extension (.vsix) installed into code-server, same suite and screenshots"
npm run package
node scripts/vscode-test/run.mjs \
  --vsix "$PWD/case-review-lint.vsix" \
  --extension-tests-path "$PWD/out/vscode-test/index.cjs" \
  --workspace "$PWD/test/fixtures/vscode-workspace"
