#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx, so `npm install` alone leaves `npx copydesk` working.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
