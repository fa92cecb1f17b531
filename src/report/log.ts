/**
 * The step log is a command channel: the Actions runner reads every line zd-gate writes to stdout
 * or stderr, and a line that starts (after leading whitespace) with `::` or `##[` is a workflow
 * command (`::error file=…::`, `::add-mask::`, `::stop-commands::`, `::set-output`…). Text from
 * outside (object and file names, finding messages, cluster events, API errors) must never start
 * such a line, or a pull request could forge annotations, mask log text, or silence the real ones.
 *
 * {@link logText} is the one boundary every log line passes through (both hosts and the CLI's
 * text output use it). It splits on every character the runner treats as a line end (it reads
 * lines with .NET's StreamReader, which also breaks on a lone `\r`) and puts a zero-width space
 * before a command prefix. .NET's TrimStart does not remove that character, so the runner sees
 * plain text, and the line reads the same. The workflow commands zd-gate means to issue go through
 * @actions/core, which escapes their data and properties itself.
 */

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;
/** Whitespace .NET's String.TrimStart removes (Char.IsWhiteSpace) followed by a command prefix. */
const COMMAND_START = /^([\s\u0085\u180e]*)(::|##\[)/;

/** Text for the step log: the same lines, none of which the runner can take for a workflow command. */
export function logText(s: string): string {
  return s
    .split(LINE_BREAKS)
    .map((line) => line.replace(COMMAND_START, '$1\u200b$2'))
    .join('\n');
}

/** True when the runner would take some line of `s` for a workflow command (for tests and checks). */
export function hasWorkflowCommand(s: string): boolean {
  return s.split(LINE_BREAKS).some((line) => COMMAND_START.test(line));
}
