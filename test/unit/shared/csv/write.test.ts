import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv, UTF8_BOM } from '../../../../shared/csv/write';

describe('toCsv', () => {
  it('joins cells with commas and ends every row with CRLF (RFC 4180)', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });

  it('quotes cells holding the delimiter, quotes or line breaks, doubling inner quotes', () => {
    expect(toCsv([['x,y', 'say "hi"', 'two\nlines', 'plain']])).toBe('"x,y","say ""hi""","two\nlines",plain\r\n');
  });

  it('writes null as an empty cell and non-finite numbers as empty cells', () => {
    expect(toCsv([[null, Number.NaN, Number.POSITIVE_INFINITY, 0]])).toBe(',,,0\r\n');
  });

  it('uses the semicolon delimiter and then does not quote commas', () => {
    expect(toCsv([['a,b', 'c;d', 1.5]], { delimiter: ';' })).toBe('a,b;"c;d";1.5\r\n');
  });

  it('writes decimal-comma numbers, quoting them when the delimiter is also a comma', () => {
    expect(toCsv([[1234.56, -0.5]], { delimiter: ';', decimalSeparator: ',' })).toBe('1234,56;-0,5\r\n');
    expect(toCsv([[1234.56]], { decimalSeparator: ',' })).toBe('"1234,56"\r\n');
  });

  it('prefixes the UTF-8 BOM only when asked', () => {
    expect(toCsv([['é']], { bom: true })).toBe(`${UTF8_BOM}é\r\n`);
    expect(toCsv([['é']]).charCodeAt(0)).toBe('é'.charCodeAt(0));
  });

  it('writes an empty document for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('SEC-14 formula neutralisation', () => {
  const cases: [string, string, string][] = [
    // [description, cell text, expected CSV cell]
    ['equals', '=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['plus', '+1+2', "'+1+2"],
    ['minus as text', '-5', "'-5"],
    ['at', '@cmd', "'@cmd"],
    ['tab', '\t=1', "'\t=1"],
    // CR forces quoting as well as the prefix.
    ['carriage return', '\r=1', `"'\r=1"`],
    ['HYPERLINK with comma gets prefix and quotes', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['ordinary text is untouched', 'Cloud migration', 'Cloud migration'],
    ['a formula character later in the text is harmless', 'a=b', 'a=b'],
    ['empty text', '', ''],
  ];
  it.each(cases)('%s', (_d, text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('keeps real negative numbers as numbers', () => {
    expect(toCsv([[-1250.75, -3, 42]])).toBe('-1250.75,-3,42\r\n');
  });

  it('neutraliseFormula prefixes only dangerous starts', () => {
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('1=')).toBe('1=');
  });
});
