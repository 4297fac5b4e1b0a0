#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs, so the next start is faster; older Nodes skip it.
module.enableCompileCache?.();
const { main } = await import("../dist/bundle/mlsd.js");
main();
