/**
 * The AWS CLI's ini format (~/.aws/credentials, ~/.aws/config), read the way botocore reads it:
 * Python's `configparser.RawConfigParser` (strict) plus botocore's one level of nesting
 * (botocore/configloader.py `raw_config_parse` and `_parse_nested`).
 *
 * - `[section]` headers; text after the closing `]` is ignored (so `[default] # x` works).
 * - `name = value` or `name: value`; whitespace around the delimiter and the value is dropped;
 *   names are lower-cased (configparser's `optionxform`).
 * - Full-line comments start with `#` or `;` (indentation allowed). There are no inline comments:
 *   `region = us-east-1 # x` has the value `us-east-1 # x`, as in the AWS CLI.
 * - A line indented deeper than its option's line continues that option's value. A value that is
 *   empty on its own line and continued below is a nested section:
 *   `s3 =\n  addressing_style = path` is `{ addressing_style: 'path' }`.
 * - LF, CRLF and CR line ends; a UTF-8 byte order mark is skipped.
 * - Errors (a line before any section, a line that is neither, an empty name, a section or name
 *   given twice, a nested line without `=`) name the file and line and never quote the line: a
 *   credentials file's malformed line may hold a secret.
 */

export interface IniEntry {
  /** The value, continuation lines joined with '\n' (empty for a nested section). */
  readonly value: string;
  /** The nested section, when the value was empty on its line and continued below. */
  readonly nested: ReadonlyMap<string, string> | undefined;
  readonly line: number;
}

export interface IniSection {
  readonly name: string;
  readonly line: number;
  readonly entries: ReadonlyMap<string, IniEntry>;
}

/** Sections in file order. */
export type IniFile = ReadonlyMap<string, IniSection>;

export class IniParseError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`);
    this.name = 'IniParseError';
    this.file = file;
    this.line = line;
  }
}

const NON_SPACE = /\S/;
const SECTION = /^\[(.+)\]/;
/** configparser's OPTCRE with delimiters '=' and ':': the name ends at the first of either. */
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/;

interface OpenOption {
  name: string;
  line: number;
  indent: number;
  /** Value lines with their line numbers; '' for blank lines inside the value. */
  lines: Array<[string, number]>;
}

/** Parses `text`; `file` is only used in error messages. */
export function parseIni(text: string, file: string): IniFile {
  const sections = new Map<string, { name: string; line: number; entries: Map<string, IniEntry> }>();
  let current: { name: string; line: number; entries: Map<string, IniEntry> } | undefined;
  let open: OpenOption | undefined;

  const close = (): void => {
    if (open === undefined || current === undefined) return;
    current.entries.set(open.name, finishValue(open, file));
    open = undefined;
  };

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] as string;
    const stripped = raw.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) {
      // A blank line inside a value is kept (configparser's empty_lines_in_values); a comment is not.
      if (stripped === '' && open !== undefined) open.lines.push(['', lineNo]);
      continue;
    }
    const indent = raw.search(NON_SPACE);
    if (open !== undefined && indent > open.indent) {
      open.lines.push([stripped, lineNo]);
      continue;
    }
    close();
    const header = SECTION.exec(stripped);
    if (header !== null) {
      const name = (header[1] as string).trim();
      if (sections.has(name)) throw new IniParseError(file, lineNo, `section [${name}] appears twice (first on line ${sections.get(name)?.line})`);
      current = { name, line: lineNo, entries: new Map() };
      sections.set(name, current);
      continue;
    }
    if (current === undefined) {
      throw new IniParseError(file, lineNo, 'expected a [section] header before the first setting');
    }
    const option = OPTION.exec(stripped);
    if (option === null) {
      throw new IniParseError(file, lineNo, "expected 'name = value', a [section] header or a comment (# or ;)");
    }
    const name = (option[1] as string).trimEnd().toLowerCase();
    if (name === '') throw new IniParseError(file, lineNo, "expected a setting name before '='");
    const previous = current.entries.get(name);
    if (previous !== undefined) {
      throw new IniParseError(file, lineNo, `setting '${name}' appears twice in [${current.name}] (first on line ${previous.line})`);
    }
    open = { name, line: lineNo, indent, lines: [[(option[2] as string).trim(), lineNo]] };
    // Reserve the name now so a duplicate is caught even before the value is complete.
    current.entries.set(name, { value: '', nested: undefined, line: lineNo });
  }
  close();

  const out = new Map<string, IniSection>();
  for (const [name, s] of sections) out.set(name, { name: s.name, line: s.line, entries: s.entries });
  return out;
}

function finishValue(open: OpenOption, file: string): IniEntry {
  // configparser joins the lines with '\n' and drops trailing blank lines.
  let end = open.lines.length;
  while (end > 1 && (open.lines[end - 1] as [string, number])[0] === '') end--;
  const lines = open.lines.slice(0, end);
  const first = (lines[0] as [string, number])[0];
  if (first !== '' || lines.length === 1) {
    return { value: lines.map(([l]) => l).join('\n'), nested: undefined, line: open.line };
  }
  // botocore: a value that starts with a line break is a nested section, one `key = value` a line.
  const nested = new Map<string, string>();
  for (let j = 1; j < lines.length; j++) {
    const [l, lineNo] = lines[j] as [string, number];
    if (l === '') continue;
    const eq = l.indexOf('=');
    if (eq < 0) throw new IniParseError(file, lineNo, `expected 'name = value' inside the nested setting '${open.name}'`);
    nested.set(l.slice(0, eq).trim(), l.slice(eq + 1).trim());
  }
  return { value: '', nested, line: open.line };
}
