import { z } from 'zod';

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** Any Uint8Array (a Node Buffer is one), whatever memory it views. */
const uint8Array = (message?: string) =>
  z.custom<Uint8Array>((value) => value instanceof Uint8Array, message === undefined ? undefined : { message });

/**
 * A file's content as raw bytes: not empty, at most `maxBytes`. Hosts carry a Uint8Array as it is (IPC and
 * worker threads clone it; the web host sends it as a multipart part), so no file ever travels as text.
 * `what` names the file for a person ("choose an evaluator pack"); `noun` names it in the size refusal.
 */
export const Bytes = (maxBytes: number, what: string, { noun = 'file', empty = `choose ${what}` }: { noun?: string; empty?: string } = {}) =>
  uint8Array(`${what} must be sent as the file’s bytes`)
    .refine((bytes) => bytes.byteLength > 0, empty)
    .refine((bytes) => bytes.byteLength <= maxBytes, `the ${noun} is larger than ${megabytes(maxBytes)} MB`);

/** A file in an answer (made or kept by the core), as raw bytes. */
export const FileContent = uint8Array('the file content must be bytes');
