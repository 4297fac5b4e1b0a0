#!/usr/bin/env node
'use strict';
// Node 22.1+ keeps compiled code between runs, so the next start is faster; older Nodes skip it.
require('node:module').enableCompileCache?.();
require('../dist/bundle/mlsd.js').main();
