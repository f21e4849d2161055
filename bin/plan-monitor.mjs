#!/usr/bin/env node
// The `plan-monitor` command. The code is TypeScript, run through tsx's loader (no build step, quick warm start).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
