// The one argument parser of the maintainers' CLI: every subcommand answers --help (or -h) with
// its usage, and an unknown option, a missing value or too many arguments gives one line and
// exit code 2, never a stack trace. node:util parseArgs does the parsing; its errors are put
// into words here.
import { parseArgs } from 'node:util';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
export type OptionSpecs = Record<string, OptionSpec>;

/** What a command takes: its usage text (printed for --help), options and how many arguments. */
export interface CommandSpec<O extends OptionSpecs> {
  name: string;
  usage: string;
  options: O;
  /** At most this many positional arguments (default 0). */
  maxPositionals?: number;
}

type Values<O extends OptionSpecs> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

export type ParsedArgs<O extends OptionSpecs> =
  | { ok: true; values: Values<O>; positionals: string[] }
  /** Stop here: `code` 0 after --help (text for stdout), 2 after a mistake (one line for stderr). */
  | { ok: false; code: 0 | 2; text: string };

/** The option a parseArgs message is about ('--foo', '-z'), as it quotes it. */
const quoted = (message: string): string => /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';

function describe(name: string, error: unknown, spec: CommandSpec<OptionSpecs>): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error);
  const hint = ` (see \`npm run rules -- ${name} --help\`)`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `rules ${name}: unknown option ${quoted(text)}${hint}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted(text);
      const takesValue = spec.options[option.replace(/^-+/, '')]?.type === 'string';
      return takesValue ? `rules ${name}: ${option} needs a value${hint}` : `rules ${name}: ${option} takes no value${hint}`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `rules ${name}: unexpected argument${hint}`;
    default:
      return `rules ${name}: cannot read the arguments${hint}`;
  }
}

export function parseCommandArgs<O extends OptionSpecs>(spec: CommandSpec<O>, args: string[]): ParsedArgs<O> {
  if (args.includes('--help') || args.includes('-h')) return { ok: false, code: 0, text: spec.usage };
  const max = spec.maxPositionals ?? 0;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: max > 0, strict: true });
  } catch (error) {
    return { ok: false, code: 2, text: describe(spec.name, error, spec) };
  }
  if (parsed.positionals.length > max) {
    const what = max === 0 ? 'takes no arguments' : `takes at most ${max} argument${max > 1 ? 's' : ''}`;
    return { ok: false, code: 2, text: `rules ${spec.name}: ${what} (see \`npm run rules -- ${spec.name} --help\`)` };
  }
  return { ok: true, values: parsed.values as Values<O>, positionals: parsed.positionals };
}

/** Prints what a stopped parse says (usage to stdout, a mistake to stderr) and gives the exit code. */
export function stopWith(result: { code: 0 | 2; text: string }, io: { out(line: string): void; err(line: string): void } = consoleIo): number {
  (result.code === 0 ? io.out : io.err)(result.text);
  return result.code;
}

export const consoleIo = {
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
};
