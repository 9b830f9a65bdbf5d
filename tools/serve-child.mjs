// tools/static-server.mjs in a process of its own, for benchmarks: the work
// of driving the browser never delays the server's answers, and a tool that
// waits on a child process (Lighthouse) never blocks it.
import { spawn } from 'node:child_process';

/** Serves `root` with `options` (see startServer) from a child process; resolves to { url, close }. */
export function serveInChild(root, options = {}) {
  const code = `import { startServer } from ${JSON.stringify(new URL('./static-server.mjs', import.meta.url).href)};
    const { url } = await startServer({ root: process.env.ROOT, ...JSON.parse(process.env.OPTIONS) });
    console.log(url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, ROOT: root, OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Never outlives the benchmark, whatever ends it.
  process.once('exit', () => child.kill());
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (status) => fail(new Error(`serve-child: the server exited (${status})`)));
    child.stdout.once('data', (line) => ok({
      url: String(line).trim(),
      close: () => new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.removeAllListeners('exit');
        child.once('exit', done);
        child.kill();
      }),
    }));
  });
}
