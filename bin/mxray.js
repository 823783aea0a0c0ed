#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (done by `npm install`/`npm ci` through "prepare") makes dist/.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
