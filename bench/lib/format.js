/** Numbers and tables for the report: Markdown tables, so the output pastes into bench/README.md. */

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const int = (x) => Math.round(x).toLocaleString('en-US');
export const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
export const ratio = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2)) + 'x';
export const ms = (x) => `${x.toFixed(1)} ms`;

/** rows: arrays of cells; align: 'l' | 'r' per column. */
export function table(headers, rows, align = []) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const cell = (v, i) => (align[i] === 'r' ? String(v ?? '').padStart(widths[i]) : String(v ?? '').padEnd(widths[i]));
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
