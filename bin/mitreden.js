#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli.ts by `npm run build:ts` (run by `npm ci` via prepare).
import { main } from "../dist/cli.js";
await main(process.argv.slice(2));
