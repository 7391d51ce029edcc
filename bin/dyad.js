#!/usr/bin/env node
// Dyad ships TypeScript source run through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
