#!/usr/bin/env node
// Fails when `j1-integration document` would change docs/jupiterone.md, i.e. when the
// generated Data Model section no longer matches the steps' metadata.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const docsPath = path.join(__dirname, '..', 'docs', 'jupiterone.md');
const scratch = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), 'docs-')),
  'jupiterone.md',
);
fs.copyFileSync(docsPath, scratch);
execFileSync(
  path.join(__dirname, '..', 'node_modules', '.bin', 'j1-integration'),
  ['document', '-o', path.relative(path.join(__dirname, '..'), scratch)],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
  },
);
// `npm run document` formats the file with prettier after generating it; so does this.
const prettier = require('prettier');
const generated = prettier.format(fs.readFileSync(scratch, 'utf8'), {
  ...require('../prettier.config'),
  parser: 'markdown',
});
if (generated !== fs.readFileSync(docsPath, 'utf8')) {
  process.stderr.write(
    'docs/jupiterone.md is out of date with the steps: run `npm run document` and commit it.\n',
  );
  process.exit(1);
}
process.stdout.write('docs/jupiterone.md matches the generated data model.\n');
