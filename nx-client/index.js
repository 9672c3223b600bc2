'use strict';
// Gatehouse's client for nx (the "Nx Cloud client" that nx downloads from the server named in
// nx.json). Written for Gatehouse: no Nx Cloud code. nx calls configureLightClientRequire() first,
// then commands.login/logout/cleanup for `nx login`/`nx logout`/`nx reset`, runCLI(argv) for
// `npx nx-cloud …`, nxCloudTasksRunner() for every run and getRemoteCache() for the cache.
const fs = require('fs');
const path = require('path');
const workspace = require('./workspace');
const ini = require('./ini');
const { login, logout, call, Failure } = require('./login');

let nxPaths = [];

function requireNx(id) {
  return require(require.resolve(id, { paths: [...nxPaths, process.cwd()] }));
}

function root() {
  try {
    return requireNx('nx/src/utils/workspace-root').workspaceRoot;
  } catch (e) {
    return process.cwd();
  }
}

/** A Failure ends the command with its sentence; anything else is a bug, shown whole. */
async function command(run) {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    console.error(e.message);
    process.exit(e.exitCode);
  }
}

exports.configureLightClientRequire = () => (paths) => {
  nxPaths = Array.isArray(paths) ? paths : [];
};

exports.commands = {
  // `nx login [url]` puts the url in NX_CLOUD_API; without one the server comes from nx.json and is confirmed.
  login: () => command(() => login(workspace.serverUrl(root()), Boolean(process.env.NX_CLOUD_API))),
  logout: () => command(() => logout(workspace.serverUrl(root()))),
  cleanup: async () => {},
};

/** Gatehouse runs nothing remotely: nx's own runner, with the remote cache below. */
exports.nxCloudTasksRunner = (tasks, options, context) =>
  requireNx('nx/src/tasks-runner/default-tasks-runner').defaultTasksRunner(tasks, options, context);

/**
 * The workspace's cache on Gatehouse, through nx's own HTTP cache client (the one that
 * NX_SELF_HOSTED_REMOTE_CACHE_SERVER enables), told where and with which token from nx.json and
 * nxcloud.ini. The variables are set only while it is made, so no task inherits the token. A cache
 * failure never fails the build: it is a miss, said once.
 */
exports.getRemoteCache = () => {
  const url = workspace.serverUrl(root());
  const id = workspace.nxCloudId(root());
  if (!url || !id) return null;
  const token = workspace.token(url);
  const { HttpRemoteCache } = requireNx('nx/src/native');
  const saved = { server: process.env.NX_SELF_HOSTED_REMOTE_CACHE_SERVER, token: process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN };
  let cache;
  try {
    process.env.NX_SELF_HOSTED_REMOTE_CACHE_SERVER = `${url}/nx/${id}`;
    if (token) process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN = token;
    else delete process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN;
    cache = new HttpRemoteCache();
  } finally {
    restore('NX_SELF_HOSTED_REMOTE_CACHE_SERVER', saved.server);
    restore('NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN', saved.token);
  }
  // After one failure the cache is left alone for the rest of the run: nx would retry each upload
  // for about 16 s, and the reason (a revoked token, a server that is down) holds for all of them.
  let off = false;
  const miss = (e, fallback) => {
    if (!off) {
      off = true;
      const reason = String(e && e.message ? e.message : e).trim();
      console.warn(`Gatehouse's remote cache at ${url} was not used: ${reason}`
        + (token ? ' If your token was revoked or has expired, run `npx nx login`.' : ' You are not logged in: run `npx nx login`.')
        + ' The build goes on with the local cache.');
    }
    return fallback;
  };
  return {
    retrieve: async (hash, cacheDirectory) => (off ? null : cache.retrieve(hash, cacheDirectory).catch((e) => miss(e, null))),
    store: async (hash, cacheDirectory, terminalOutput, code) =>
      (off ? false : cache.store(hash, cacheDirectory, terminalOutput, code).catch((e) => miss(e, false))),
  };
};

function restore(name, value) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function option(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/** `npx nx-cloud <command>`: what Gatehouse's Java CLI does for the same verbs; nothing else. */
exports.runCLI = async (argv) => {
  const [verb] = argv;
  try {
    if (verb === 'login') await login(workspace.serverUrl(root(), argv[1]), Boolean(argv[1] || process.env.NX_CLOUD_API));
    else if (verb === 'logout') await logout(workspace.serverUrl(root()));
    else if (verb === 'configure') configure(argv);
    else if (verb === 'convert-to-nx-cloud-id') await convert();
    else {
      console.error(`\`nx-cloud ${verb || ''}\` is not supported by Gatehouse. It supports login, logout, configure`
        + ' --personal-access-token=<token> and convert-to-nx-cloud-id.');
      return 1;
    }
    return 0;
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    console.error(e.message);
    return e.exitCode;
  }
};

function configure(argv) {
  const pat = (option(argv, 'personal-access-token') || '').trim();
  if (!/^gatehouse_pat_[0-9A-Za-z]{38}$/.test(pat)) {
    throw new Failure(2, 'That is not a Gatehouse personal access token: they are gatehouse_pat_ and 38 letters'
      + ' and digits. Copy it again from your profile page.');
  }
  const url = workspace.serverUrl(root(), option(argv, 'nx-cloud-url'));
  if (!url) throw new Failure(2, 'Which Gatehouse? Add --nx-cloud-url=<url>, or put "nxCloudUrl" in nx.json.');
  const file = ini.read();
  file.putToken(url, pat);
  file.save();
  console.log(`Saved the token for ${url} in ${file.file}`);
}

async function convert() {
  const file = path.join(root(), 'nx.json');
  if (!fs.existsSync(file)) throw new Failure(2, 'There is no nx.json here: run this in the root folder of an Nx workspace.');
  const text = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(text);
  const token = json.nxCloudAccessToken || workspace.legacyOptions(json).nxCloudAccessToken;
  if (!token) {
    throw new Failure(2, `${file} has no nxCloudAccessToken to convert${json.nxCloudId ? `; it uses nxCloudId ${json.nxCloudId} already.` : '.'}`);
  }
  const url = workspace.serverUrl(root());
  if (!url) throw new Failure(2, 'Which Gatehouse? Put "nxCloudUrl" in nx.json, or set NX_CLOUD_API.');
  const answer = await call(url, '/api/workspace-tokens/lookup', { form: { token } });
  if (answer.status === 404) {
    throw new Failure(1, `The server at ${url} knows no active workspace access token like the one in ${file}. It was not changed.`);
  }
  if (answer.status !== 200 || !answer.json) {
    throw new Failure(2, `The server did not answer the lookup (HTTP ${answer.status}). ${file} was not changed.`);
  }
  const { nxCloudId } = answer.json;
  // Only that entry is replaced (at the top level or in the runner's options, as the Java CLI does),
  // with the spacing around its colon, so the file keeps its layout and every other line.
  const entry = new RegExp(`"nxCloudAccessToken"(\\s*):(\\s*)"${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
  const converted = text.replace(entry, (all, before, after) => `"nxCloudId"${before}:${after}${JSON.stringify(nxCloudId)}`);
  JSON.parse(converted);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, converted);
  fs.renameSync(temporary, file);
  console.log(`Replaced nxCloudAccessToken with "nxCloudId": "${nxCloudId}" in ${file}.`);
  console.log('The token still works, but belongs in your CI\'s secrets, not in the repository: set it there as'
    + ' NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN, and remove it from the repository\'s history if it was public.');
}
