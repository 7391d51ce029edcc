#!/usr/bin/env node
// Dyad ships TypeScript source run through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { tuneHeapForBatch } = await import('../src/cli/heap.ts');
tuneHeapForBatch();
await import('../src/cli/main.ts');
