import { describe, expect, it } from 'vitest';
import { bytesPartIndex, carriesBytes, formOf, joinBytes, splitBytes, valueOfForm, WireBytesError } from '../../../shared/api/wire-bytes';

/*
 * Files cross HTTP as parts of a multipart body, never inside JSON: the value's Uint8Arrays are split out as
 * placeholders {"$bytes": i} and put back on the other side. What arrives is exactly what was sent, and a
 * body that does not match its placeholders part for part is refused.
 */

const bytes = (...values: number[]) => new Uint8Array(values);
/** Every byte value, and what a multipart body is made of, inside a file. */
const awkward = new Uint8Array([
  ...Array.from({ length: 256 }, (_, i) => i),
  ...new TextEncoder().encode('\r\n--boundary\r\nContent-Disposition: x\r\n\r\n'),
]);

/** A form as it arrives on the other side of HTTP, parsed by the platform's own multipart parser. */
const overHttp = async (form: FormData) => new Response(form).formData();

describe('splitting the files out of a value and putting them back', () => {
  const value = {
    sessionId: 'session-1',
    params: {
      evaluationId: 'ev-1',
      document: { fileName: 'minutes.pdf', content: bytes(37, 80, 68, 70) },
      batch: [{ content: bytes(1) }, 'text', 7, null, [bytes(2, 3)]],
    },
  };

  it('replaces each file by a numbered placeholder, in order, naming each part after the file beside it, and changes nothing else', () => {
    const split = splitBytes(value);
    expect(split.value).toEqual({
      sessionId: 'session-1',
      params: {
        evaluationId: 'ev-1',
        document: { fileName: 'minutes.pdf', content: { $bytes: 0 } },
        batch: [{ content: { $bytes: 1 } }, 'text', 7, null, [{ $bytes: 2 }]],
      },
    });
    expect(split.parts.map((p) => [p.fileName, [...p.bytes]])).toEqual([
      ['minutes.pdf', [37, 80, 68, 70]],
      ['bytes-1', [1]],
      ['bytes-2', [2, 3]],
    ]);
    expect(value.params.document.content).toBeInstanceOf(Uint8Array);
  });

  it('puts every file back where it was', () => {
    const split = splitBytes(value);
    expect(
      joinBytes(
        JSON.parse(JSON.stringify(split.value)),
        split.parts.map((p) => p.bytes),
      ),
    ).toEqual(value);
  });

  it('tells a value that carries a file from one that does not', () => {
    expect(carriesBytes(value)).toBe(true);
    expect(carriesBytes({ a: [{ b: Buffer.from('x') }] })).toBe(true);
    expect(carriesBytes({ a: [{ b: 'x' }], n: 1, none: null })).toBe(false);
  });

  it.each([
    ['a placeholder for a part that was not sent', { content: { $bytes: 1 } }, [bytes(1)], 'The placeholder for bytes-1 has no part of that name.'],
    [
      'a placeholder with more in it',
      { content: { $bytes: 0, fileName: 'x' } },
      [bytes(1)],
      'A file placeholder must be {"$bytes": <part number>} and nothing else.',
    ],
    [
      'a placeholder that is not a part number',
      { content: { $bytes: '0' } },
      [bytes(1)],
      'A file placeholder must be {"$bytes": <part number>} and nothing else.',
    ],
    ['a negative part number', { content: { $bytes: -1 } }, [bytes(1)], 'A file placeholder must be {"$bytes": <part number>} and nothing else.'],
    ['one part used twice', { a: { $bytes: 0 }, b: { $bytes: 0 } }, [bytes(1)], 'bytes-0 is referred to twice.'],
    ['a part nothing refers to', { a: { $bytes: 0 } }, [bytes(1), bytes(2)], 'bytes-1 is not referred to by any placeholder.'],
  ])('refuses %s', (_case, value, parts, message) => {
    expect(() => joinBytes(value, parts)).toThrow(new WireBytesError(message));
  });

  it('takes only bytes-<number> as a file part name', () => {
    expect(['bytes-0', 'bytes-12'].map(bytesPartIndex)).toEqual([0, 12]);
    expect(['bytes-01', 'bytes--1', 'bytes-1x', 'bytes-', 'BYTES-0', 'call', 'bytes-9999999'].map(bytesPartIndex)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('a value as a multipart form', () => {
  it('survives the platform’s multipart encoding and parsing byte for byte, several files at once', async () => {
    const value = { ok: true, result: { fileName: 'pack.capack', content: awkward, more: [{ fileName: 'b.bin', content: bytes(0, 13, 10) }] } };
    const form = await overHttp(formOf(value, 'outcome'));
    expect([...form.keys()]).toEqual(['outcome', 'bytes-0', 'bytes-1']);
    expect((form.get('bytes-0') as File).name).toBe('pack.capack');
    const back = (await valueOfForm(form, 'outcome')) as typeof value;
    expect(Buffer.from(back.result.content).equals(Buffer.from(awkward))).toBe(true);
    expect([...back.result.more[0]!.content]).toEqual([0, 13, 10]);
  });

  const formWith = (...entries: [string, string | Blob][]) => {
    const form = new FormData();
    for (const [name, entry] of entries) form.append(name, entry);
    return form;
  };
  const file = new Blob([bytes(1, 2, 3)]);
  const call = JSON.stringify({ sessionId: null, params: { content: { $bytes: 0 } } });

  it.each([
    ['a forged extra part', formWith(['call', call], ['bytes-0', file], ['bytes-1', file]), 'bytes-1 is not referred to by any placeholder.'],
    ['a placeholder whose part is missing', formWith(['call', call]), 'The placeholder for bytes-0 has no part of that name.'],
    [
      'a part of another name',
      formWith(['call', call], ['bytes-0', file], ['evil', file]),
      'There is a part named “evil”; only “call” and bytes-0, bytes-1… are taken.',
    ],
    ['a file part given twice', formWith(['call', call], ['bytes-0', file], ['bytes-0', file]), 'The part bytes-0 is given twice.'],
    ['the envelope given twice', formWith(['call', call], ['call', call], ['bytes-0', file]), 'The part “call” is given twice.'],
    ['the envelope as a file', formWith(['call', new Blob([call])], ['bytes-0', file]), 'The part “call” must be text, not a file.'],
    ['a file part as text', formWith(['call', call], ['bytes-0', 'AQID']), 'The part bytes-0 must be a file, not text.'],
    ['no envelope', formWith(['bytes-0', file]), 'The part “call” is missing.'],
    ['an envelope that is not JSON', formWith(['call', '{"sessionId":'], ['bytes-0', file]), 'The part “call” is not JSON.'],
    [
      'a gap in the part numbers',
      formWith(['call', call], ['bytes-0', file], ['bytes-2', file]),
      'The part bytes-1 is missing, though later parts are given.',
    ],
  ])('refuses %s', async (_case, form, message) => {
    await expect(valueOfForm(await overHttp(form), 'call')).rejects.toThrow(new WireBytesError(message));
  });
});
