import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, detectDelimiter, parseCsvText } from '../../../../shared/import/csv';

type Rec = { fields: string[]; row: number; line: number };

function tokenize(chunks: string[], delimiter: ',' | ';' | '\t' = ','): Rec[] {
  const out: Rec[] = [];
  const t = new CsvTokenizer({ delimiter }, (f, row, line) => out.push({ fields: f.slice(), row, line }));
  for (const c of chunks) t.push(c);
  t.finish();
  return out;
}

const TRICKY = '\uFEFFid,text,n\r\n1,"a ""quoted"" word",3\r\n2,"two\r\nlines",4\n\n3,plain,\r4,"x,y",5';

describe('CsvTokenizer', () => {
  it('handles quotes, escaped quotes, CRLF/LF/CR, embedded newlines, blank lines and a BOM', () => {
    expect(tokenize([TRICKY])).toEqual([
      { fields: ['id', 'text', 'n'], row: 1, line: 1 },
      { fields: ['1', 'a "quoted" word', '3'], row: 2, line: 2 },
      { fields: ['2', 'two\r\nlines', '4'], row: 3, line: 3 },
      // line 5 is blank: skipped but counted
      { fields: ['3', 'plain', ''], row: 5, line: 6 },
      { fields: ['4', 'x,y', '5'], row: 6, line: 7 },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = tokenize([TRICKY]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < TRICKY.length; i += size) chunks.push(TRICKY.slice(i, i + size));
      expect(tokenize(chunks), `chunk size ${size}`).toEqual(whole);
    }
    // Every two-way split, including inside "" and between CR and LF.
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      expect(tokenize([TRICKY.slice(0, cut), TRICKY.slice(cut)]), `cut ${cut}`).toEqual(whole);
    }
  });

  it('keeps a trailing empty field and a final record without newline', () => {
    expect(tokenize(['a;b;\r\n;;'], ';').map((r) => r.fields)).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
    ]);
  });

  it('reports an unclosed quote with the row where the record starts', () => {
    const err = (() => {
      try {
        tokenize(['a,b\n1,2\n3,"never closed\n4,5\n']);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect((err as CsvSyntaxError).row).toBe(3);
    expect((err as CsvSyntaxError).message).toContain('unclosed quote');
  });

  it('gives up on a record longer than the cap while streaming', () => {
    const t = new CsvTokenizer({ delimiter: ',', maxRecordChars: 100 }, () => undefined);
    t.push('h\n"');
    expect(() => t.push('x'.repeat(200))).toThrow(/row 2: a record runs past 100 characters/);
  });
});

describe('parseCsvText', () => {
  it('returns rows with 1-based line numbers and detects the delimiter', () => {
    const r = parseCsvText('period;kpi;value\n\n2026-01;fcr;"63,9"\n');
    expect(r).toEqual({
      ok: true,
      delimiter: ';',
      rows: [
        { line: 1, fields: ['period', 'kpi', 'value'] },
        { line: 3, fields: ['2026-01', 'fcr', '63,9'] },
      ],
    });
  });

  it('returns the syntax error instead of throwing', () => {
    const r = parseCsvText('a,b\n"x,1\n', { delimiter: ',' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.row).toBe(2);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1,5;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"x;y",b,c\n1,2,3\n', ','],
    ['single\nvalue\n', null],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
