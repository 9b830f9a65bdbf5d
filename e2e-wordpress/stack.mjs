// A real WordPress for the plugin's end-to-end test: Debian's `wordpress`
// package (in /usr/share/wordpress), served by Apache with mod_php, on
// MariaDB, all started here on 127.0.0.1 only, on free ports, with their own
// configuration, data and logs in a temporary folder, and stopped after,
// even when a test fails. No systemd or service scripts are used.
//
// Debian's WordPress reads its configuration from /etc/wordpress/config-<name>.php
// (its README.Debian); this stack writes config-tg-wp-<id>.php there, names
// it through WORDPRESS_CONFIG (Apache's SetEnv, the environment of PHP's
// command line), and deletes it when it stops. wp-content is the stack's own
// (WP_CONTENT_DIR), with Debian's Twenty Twenty-Three theme and language
// files linked in, so plugins are installed into a fresh folder each run.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Debian's `wordpress` package puts WordPress and looks for configurations. */
export const WORDPRESS = '/usr/share/wordpress';
const CONFIG_DIR = '/etc/wordpress';
/** Debian's shared wp-content (its themes and language files are linked from the stack's own). */
const DEBIAN_CONTENT = '/var/lib/wordpress/wp-content';
/** The theme the test site uses, from Debian's package (WordPress 6.1's default). */
export const THEME = 'twentytwentythree';
/** This folder's PHP scripts. */
const PHP_DIR = fileURLToPath(new URL('./php/', import.meta.url));
/** The user Apache's children run as when started by root; Debian's web server user. */
const WEB_USER = 'www-data';

const isRoot = process.getuid?.() === 0;
const log = (message) => process.stderr.write(`wordpress: ${message}\n`);

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The first of `paths` that exists. */
function firstExisting(paths, what) {
  const found = paths.find((p) => existsSync(p));
  if (!found) throw new Error(`wordpress: no ${what} (looked for ${paths.join(', ')})`);
  return found;
}

/** Runs a program, its output in the thrown error when it fails. */
function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    throw new Error(`wordpress: ${command} ${args.join(' ')} failed:\n${error.stdout || ''}${error.stderr || ''}`);
  }
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Waits until `check()` is true (polled), or throws `what` after `ms`. */
async function until(check, what, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`wordpress: ${what} did not happen within ${ms / 1000} s`);
}

/** Deletes the configurations of earlier runs whose folder is gone (a run that was killed). */
function removeStaleConfigs() {
  for (const name of readdirSync(CONFIG_DIR)) {
    const match = name.match(/^config-(tg-wp-[a-z0-9]+)\.php$/);
    if (!match) continue;
    const text = readFileSync(join(CONFIG_DIR, name), 'utf8');
    const dir = text.match(/TG_RUN_DIR', '([^']+)'/)?.[1];
    if (!dir || !existsSync(dir)) rmSync(join(CONFIG_DIR, name), { force: true });
  }
}

/**
 * Starts MariaDB and Apache with WordPress installed (admin user `admin`),
 * Twenty Twenty-Three active. Returns { url, dir, php(script, args), stop() }.
 */
export async function startWordPress() {
  const id = randomBytes(5).toString('hex');
  const name = `tg-wp-${id}`;
  const dir = mkdtempSync(join(tmpdir(), 'tg-wp-'));
  chmodSync(dir, 0o755);
  const stack = { dir, name, processes: [], stopped: false };
  const timings = {};
  const started = Date.now();
  stack.stop = () => stopStack(stack);
  // Stopped on the way out, whatever happens.
  const onExit = () => stack.stop();
  process.once('exit', onExit);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => { stack.stop(); process.exit(130); });
  }
  try {
    removeStaleConfigs();
    const [dbPort, webPort] = [await freePort(), await freePort()];
    stack.url = `http://127.0.0.1:${webPort}`;

    // MariaDB: its own data folder, on 127.0.0.1:dbPort and a socket in the folder.
    const db = join(dir, 'db');
    mkdirSync(db);
    const socket = join(dir, 'mysqld.sock');
    const dbUser = isRoot ? ['--user=root'] : [];
    run(firstExisting(['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'], 'mariadb-install-db'), [
      '--no-defaults', `--datadir=${db}`, ...dbUser, '--auth-root-authentication-method=normal', '--skip-test-db',
    ]);
    const mariadbd = firstExisting(['/usr/sbin/mariadbd', '/usr/sbin/mysqld'], 'mariadbd');
    stack.db = spawn(mariadbd, [
      '--no-defaults', `--datadir=${db}`, `--socket=${socket}`, `--port=${dbPort}`, '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${join(dir, 'mysqld.log')}`, '--skip-name-resolve',
      '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M', '--performance-schema=OFF',
      ...dbUser,
    ], { stdio: 'ignore', detached: true });
    stack.processes.push(stack.db);
    const client = firstExisting(['/usr/bin/mariadb', '/usr/bin/mysql'], 'the mariadb client');
    const sql = (statement) => run(client, ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement]);
    await until(() => {
      try { sql('SELECT 1'); return true; } catch { return stack.db.exitCode === null ? false : Promise.reject(new Error(`wordpress: mariadbd stopped:\n${readFileSync(join(dir, 'mysqld.log'), 'utf8')}`)); }
    }, 'MariaDB starting');
    const dbPassword = randomBytes(12).toString('hex');
    sql(`CREATE DATABASE wordpress; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY '${dbPassword}';`
      + ` GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';`);
    timings.mariadb = Date.now() - started;

    // wp-content: the stack's own, with Debian's theme and language files linked in.
    const content = join(dir, 'wp-content');
    for (const sub of ['plugins', 'themes', 'uploads', 'upgrade']) mkdirSync(join(content, sub), { recursive: true });
    symlinkSync(join(WORDPRESS, 'wp-content/themes', THEME), join(content, 'themes', THEME));
    if (existsSync(join(DEBIAN_CONTENT, 'languages'))) symlinkSync(join(DEBIAN_CONTENT, 'languages'), join(content, 'languages'));
    writeFileSync(join(content, 'debug.log'), '');
    if (isRoot) run('chown', ['-R', `${WEB_USER}:${WEB_USER}`, content]);

    // The site's configuration, where Debian's wp-config.php looks for it.
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
      .map((key) => `define('${key}', '${randomBytes(24).toString('hex')}');`).join('\n');
    stack.config = join(CONFIG_DIR, `config-${name}.php`);
    try {
      writeFileSync(stack.config, '');
    } catch (error) {
      stack.config = null;
      throw new Error(`wordpress: cannot write ${CONFIG_DIR}/config-${name}.php, where Debian's WordPress reads its configuration (${error.code}); run the test as root`);
    }
    writeFileSync(stack.config, `<?php
// The treatment-guide plugin's end-to-end test site (e2e-wordpress/stack.mjs); deleted when it stops.
define('TG_RUN_DIR', '${dir}');
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${dbPassword}');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('WP_HOME', '${stack.url}');
define('WP_SITEURL', '${stack.url}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${stack.url}/wp-content');
define('FS_METHOD', 'direct');
// Nothing leaves the machine: no update checks, no requests to wordpress.org.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '${join(content, 'debug.log')}');
define('WP_DEBUG_DISPLAY', false);
${salts}
`);
    chmodSync(stack.config, 0o644);

    // Apache with mod_php (prefork), its own configuration, on 127.0.0.1:webPort.
    const modules = '/usr/lib/apache2/modules';
    const php = readdirSync(modules).find((f) => /^libphp[\d.]*\.so$/.test(f));
    if (!php) throw new Error('wordpress: no mod_php in /usr/lib/apache2/modules');
    const load = ['mpm_prefork', 'authz_core', 'dir', 'mime', 'alias', 'env', 'headers', 'rewrite', 'setenvif']
      .map((m) => `LoadModule ${m}_module ${modules}/mod_${m}.so`).join('\n');
    const apacheConf = join(dir, 'apache2.conf');
    writeFileSync(apacheConf, `# The treatment-guide plugin's end-to-end test site (e2e-wordpress/stack.mjs).
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${webPort}
PidFile ${join(dir, 'apache2.pid')}
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
ErrorLog ${join(dir, 'apache-error.log')}
LogLevel warn
${isRoot ? `User ${WEB_USER}\nGroup ${WEB_USER}` : ''}
${load}
LoadModule php_module ${modules}/${php}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
AddType application/wasm .wasm
DirectoryIndex index.php index.html
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
SetEnv WORDPRESS_CONFIG ${name}
DocumentRoot ${WORDPRESS}
Alias /wp-content ${content}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${WORDPRESS}>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
<Directory ${content}>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
`);
    run('/usr/sbin/apache2', ['-t', '-f', apacheConf]);
    run('/usr/sbin/apache2', ['-f', apacheConf, '-k', 'start']);
    stack.apacheConf = apacheConf;
    await until(async () => {
      try { await fetch(`${stack.url}/wp-includes/css/buttons.css`, { method: 'HEAD' }); return true; } catch { return false; }
    }, 'Apache starting');
    timings.apache = Date.now() - started;

    stack.php = (script, args = [], options = {}) => runPhp(stack, script, args, options);
    stack.phpJson = (script, args = [], options = {}) => JSON.parse(runPhp(stack, script, args, options));
    stack.install = stack.phpJson('install.php', [THEME]);
    timings.installed = Date.now() - started;
    stack.timings = timings;
    log(`WordPress ${stack.install.version} on ${stack.url} (MariaDB on 127.0.0.1:${dbPort}; files in ${dir}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return stack;
  } catch (error) {
    stack.stop();
    throw error;
  }
}

/** Runs e2e-wordpress/php/<script> with PHP's command line against the stack's site; its output. */
function runPhp(stack, script, args, { input } = {}) {
  const env = { ...process.env, WORDPRESS_CONFIG: stack.name, TG_SITE_URL: stack.url };
  try {
    return execFileSync('php', ['-d', 'display_errors=stderr', join(PHP_DIR, script), ...args], {
      encoding: 'utf8', env, input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26,
    });
  } catch (error) {
    throw new Error(`wordpress: php ${script} ${args.join(' ')} failed:\n${error.stdout || ''}${error.stderr || ''}`);
  }
}

/** Stops Apache and MariaDB, deletes the configuration and the folder. Safe to call twice. */
function stopStack(stack) {
  if (stack.stopped) return;
  stack.stopped = true;
  if (stack.apacheConf) {
    try {
      execFileSync('/usr/sbin/apache2', ['-f', stack.apacheConf, '-k', 'stop'], { stdio: 'ignore' });
    } catch { /* not running */ }
  }
  const pidFile = join(stack.dir, 'apache2.pid');
  for (let i = 0; i < 50 && existsSync(pidFile); i++) execFileSync('sleep', ['0.1']);
  for (const child of stack.processes) {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
    }
  }
  // MariaDB writes its tables out and removes its pid file when it has stopped.
  const dbPid = join(stack.dir, 'mysqld.pid');
  for (let i = 0; i < 100 && existsSync(dbPid); i++) execFileSync('sleep', ['0.1']);
  for (const child of stack.processes) {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
    }
  }
  if (stack.config) rmSync(stack.config, { force: true });
  if (!process.env.TG_WP_KEEP) rmSync(stack.dir, { recursive: true, force: true });
}
