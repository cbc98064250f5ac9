import { describe, expect, it } from 'vitest';
import { cellText, safeCellText } from '../../../shared/domain/safe-cell-text';

describe('text written to a CSV (no cell styles)', () => {
  it('never starts a formula', () => {
    for (const [given, written] of [
      ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
      ['+1+1', "'+1+1"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'\r=1"],
    ]) {
      expect(safeCellText(given!)).toBe(written);
    }
  });

  it('has control characters removed but keeps ordinary text, line breaks and a formula sign inside the text', () => {
    expect(safeCellText('Good\u0000 evidence\u0007 of\u001b governance')).toBe('Good evidence of governance');
    expect(safeCellText('Line one\nLine two')).toBe('Line one\nLine two');
    expect(safeCellText('Score = 4 because…')).toBe('Score = 4 because…');
    expect(safeCellText('\u0000=1')).toBe("'=1");
  });
});

describe('text written to a quote-prefixed workbook cell', () => {
  it('is exactly what the person wrote, a leading = + - @ included, with control characters removed and no apostrophe added', () => {
    expect(cellText('=HYPERLINK("http://evil.example","Click")')).toBe('=HYPERLINK("http://evil.example","Click")');
    expect(cellText("'=Wandle Health")).toBe("'=Wandle Health");
    expect(cellText('@Mitcham\u0007 Carers\u007f')).toBe('@Mitcham Carers');
    expect(cellText('Line one\r\nLine two\tend')).toBe('Line one\r\nLine two\tend');
  });
});
