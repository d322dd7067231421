// The maintainers' command line: `npm run rules -- <command>`. Wiring only; each command lives
// in rules/commands/. `--data <dir>` (or CHIPLENS_DATA_DIR) points every command at another
// copy of rules/data.
import { resolve } from 'node:path';
import { runCheck, DEFAULT_DATA_DIR } from './commands/check';
import { runLookup } from './commands/lookup';
import { runStale } from './commands/stale';

const HELP = `ChipLens rules CLI

Usage: npm run rules -- <command> [options]

Commands:
  check                         validate rules/data/*.json as the extension would (schema, cross-record
                                checks, limits, names, matcher, cards, no date ahead of today)
  lookup <name or alias>        what the hover card says about a chip
      --to CC                   destination country code (default CN; HK, MO → CN; unlisted → OTHER)
      --on YYYY-MM-DD           date to resolve the status for (default today)
      --lang en|zh              language of the labels (default en)
      --json                    print one JSON object instead of text
  scan <file or -> [--json]     list the chip mentions the matcher finds in a text file (or stdin)
  keygen --out <file> [--id ID] make a signing key for data updates (keep it out of the repository)
  publish --key <file>          sign rules/data into the file to upload
      --out <file>              where to write it (default published/chiplens-dataset.json)
  verify [file]                 check a published file as the extension would (signature, data)
  stale [--days N]              statuses whose last check is missing or older than N days (default 90)
  watch [--since YYYY-MM-DD]    what the Federal Register and SEC EDGAR published since the last
                                check, for a person to review (changes no data)

Every command answers --help with its own usage.

Global options:
  --data <dir>                  read the dataset from <dir> instead of rules/data
  --help                        show this help

Exit codes: 0 ok; 1 invalid data, a file the extension would refuse, or a source that did not
answer (watch); 2 bad arguments or unknown chip.`;

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let dir = process.env.CHIPLENS_DATA_DIR ? resolve(process.env.CHIPLENS_DATA_DIR) : DEFAULT_DATA_DIR;
  const at = args.indexOf('--data');
  if (at >= 0) {
    const value = args[at + 1];
    if (!value || value.startsWith('--')) {
      console.error('rules: --data needs a folder, e.g. --data /tmp/my-rules-data');
      return 2;
    }
    dir = resolve(value);
    args.splice(at, 2);
  }
  process.env.CHIPLENS_DATA_DIR = dir; // so commands loaded later (scan) read the same folder
  const [command, ...rest] = args;
  switch (command) {
    case 'check':
      return runCheck(rest, dir);
    case 'stale':
      return runStale(rest, dir);
    case 'watch': {
      // Loaded on demand, like scan: it compiles the matcher to name the chips a document touches.
      const { runWatch } = await import('./commands/watch');
      return runWatch(rest, dir);
    }
    case 'lookup':
      return runLookup(rest, dir);
    case 'scan': {
      // Loaded on demand: it compiles the matcher, which the other commands do not need.
      const { runScan } = await import('./commands/scan');
      return runScan(rest);
    }
    case 'keygen':
    case 'publish':
    case 'verify': {
      const { runKeygen, runPublish, runVerify } = await import('./commands/publish');
      return command === 'keygen' ? runKeygen(rest) : command === 'publish' ? runPublish(rest, dir) : runVerify(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`rules: unknown command "${command}" (see \`npm run rules -- --help\`)`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user's mistake: one line, with the stack only on request.
    console.error(`rules: failed: ${error instanceof Error ? error.message : String(error)}${process.env.CHIPLENS_DEBUG ? `\n${(error as Error).stack}` : ' (CHIPLENS_DEBUG=1 shows where)'}`);
    process.exitCode = 1;
  },
);
