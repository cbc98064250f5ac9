import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopArgs, parseStartArgs, START_HELP, StartUsageError, webHostArgs } from '../../../scripts/start-options.mjs';

const DOCUMENTED_FLAGS = ['--web', '--data-dir DIR', '--port N', '--no-open', '--help'];

describe('npm start flags', () => {
  it('start the app with its defaults when none are given', () => {
    expect(parseStartArgs([])).toEqual({ help: false, web: false, dataDir: null, port: null, open: true });
  });

  it('are listed in --help, one line each', () => {
    expect(parseStartArgs(['--help']).help).toBe(true);
    const optionLines = START_HELP.split('\n').filter((line) => /^ {2}--/.test(line));
    expect(optionLines.map((line) => line.trim().split(/ {2,}/)[0])).toEqual(DOCUMENTED_FLAGS);
  });

  it('are the ones the README documents', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const flag of DOCUMENTED_FLAGS) expect(readme).toContain(`| \`${flag}\` |`);
  });

  it('pass the data folder to either host, in both spellings', () => {
    expect(desktopArgs(parseStartArgs(['--data-dir', 'panel data']))).toEqual(['--data-dir', 'panel data']);
    expect(webHostArgs(parseStartArgs(['--web', '--data-dir=panel']))).toEqual(['--data-dir', 'panel']);
  });

  it('give the browser app its port and "no browser", which choose the browser app', () => {
    const options = parseStartArgs(['--port', '8080', '--no-open']);
    expect(options.web).toBe(true);
    expect(webHostArgs(options)).toEqual(['--port', '8080', '--no-open']);
    expect(parseStartArgs(['--no-open']).web).toBe(true);
  });

  it('refuse an unknown flag by name instead of starting anyway', () => {
    expect(() => parseStartArgs(['--data-folder', 'x'])).toThrow(new StartUsageError('Unknown option "--data-folder".'));
    expect(() => parseStartArgs(['serve'])).toThrow(StartUsageError);
  });

  it('refuse a missing or malformed value', () => {
    expect(() => parseStartArgs(['--data-dir'])).toThrow(/--data-dir needs a value/);
    expect(() => parseStartArgs(['--data-dir', '--web'])).toThrow(/--data-dir needs a value/);
    expect(() => parseStartArgs(['--port', '80a'])).toThrow(/--port needs a port number from 1 to 65535, not "80a"/);
    expect(() => parseStartArgs(['--port=70000'])).toThrow(/not "70000"/);
    expect(() => parseStartArgs(['--no-open=yes'])).toThrow(/--no-open takes no value/);
  });
});
