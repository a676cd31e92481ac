#!/usr/bin/env node
// Lints every processes/*.bpmn with bpmnlint (config: .bpmnlintrc at the repo root).
// bpmnlint has no DMN support, so *.dmn files are not linted.
// Exits 0 with "no models" when there is nothing to lint; non-zero on any lint error.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'processes');

const files = fs.existsSync(dir)
  ? fs.readdirSync(dir)
    .filter(name => name.toLowerCase().endsWith('.bpmn'))
    .sort()
    .map(name => path.join('processes', name))
  : [];

if (files.length === 0) {
  console.log('bpmnlint: no models in processes/ - nothing to lint');
  process.exit(0);
}

console.log(`bpmnlint: linting ${files.length} model(s): ${files.join(', ')}`);

const bin = require.resolve('bpmnlint/bin/bpmnlint.js', { paths: [ root ] });
const result = spawnSync(process.execPath, [ bin, ...files ], { cwd: root, stdio: 'inherit' });

if (result.error) {
  console.error(result.error);
  process.exit(2);
}
process.exit(result.status === null ? 1 : result.status);
