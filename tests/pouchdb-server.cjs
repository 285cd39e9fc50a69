// Starts PouchDB Server (pinned in package-lock.json) as the tests' CouchDB, with one of
// its differences from CouchDB 3 corrected: with a validate_doc_update installed, its
// pouchdb-validation plugin replaces an incoming document's `_revisions` by the stored
// document's before writing, so a replicated update (`_bulk_docs` with new_edits: false)
// is silently dropped. CouchDB keeps the incoming history; here the plugin is loaded with
// that one line guarded, then the server starts with the arguments given.
'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', 'node_modules');
const file = require.resolve('pouchdb-validation', { paths: [path.join(root, 'express-pouchdb')] });
const source = fs.readFileSync(file, 'utf8');
const line = 'newDoc._revisions = (oldDoc || {})._revisions;';
if (!source.includes(line)) throw new Error(`pouchdb-validation changed: ${file}`);
const patched = source.replace(line, 'if (!newDoc._revisions) { ' + line + ' }');
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(path.dirname(file));
m._compile(patched, file);
m.loaded = true;
require.cache[file] = m;

process.argv = [process.argv[0], 'pouchdb-server', ...process.argv.slice(2)];
require(path.join(root, 'pouchdb-server', 'bin', 'pouchdb-server'));
