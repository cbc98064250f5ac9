import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time: the default leaves one of the two cores idle, and most files wait on SQLite's fsync or a child process.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
