'use strict';
// `nx login` and `nx logout` against Gatehouse: the same device-style log-in and the same API as
// Gatehouse's Java CLI (`gatehouse login`), and the same nxcloud.ini.
const os = require('os');
const readline = require('readline');
const { spawn } = require('child_process');
const ini = require('./ini');

class Failure extends Error {
  constructor(code, message) {
    super(message);
    this.exitCode = code;
  }
}

async function call(url, path, { method = 'POST', form, token } = {}) {
  const headers = {};
  if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  if (token) headers.Authorization = `Bearer ${token}`;
  let answer;
  try {
    answer = await fetch(url + path, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
  } catch (e) {
    throw new Failure(2, `Gatehouse at ${url} did not answer (${e.cause ? e.cause.code || e.cause.message : e.message}).`);
  }
  const text = await answer.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch (notJson) {
    // A refusal is a plain sentence.
  }
  return { status: answer.status, text: text.trim(), json };
}

/** Same scheme, host and port, no user info: a Gatehouse sends its own address, never another site's. */
function owns(url, address) {
  try {
    const mine = new URL(url);
    const theirs = new URL(address);
    return mine.protocol === theirs.protocol && mine.host === theirs.host && !theirs.username && !theirs.password;
  } catch (notAnAddress) {
    return false;
  }
}

/**
 * A repository's nx.json can name any server, and a hostile one could relay a real Gatehouse's
 * log-in to collect the token: a server first met through nx.json is confirmed by the person.
 */
async function confirm(url) {
  const question = `This workspace's nx.json names the server ${url}, which you have not logged in to from this machine.`;
  if (!process.stdin.isTTY) {
    throw new Failure(2, `${question} Run \`npx nx login ${url}\` if you trust it.`);
  }
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise((resolve) => prompt.question(`${question} Log in there? [y/N] `, resolve));
  prompt.close();
  if (!/^(y|yes)$/i.test(answer.trim())) throw new Failure(1, 'Not logged in.');
}

function openBrowser(address) {
  if (process.env.CI || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(opener, [address], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch (e) {
    // The address is printed; opening it is only a convenience.
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function login(url, named) {
  if (!url) {
    throw new Failure(2, 'Which Gatehouse? Put "nxCloudUrl": "http://<your Gatehouse>" in nx.json, or run `npx nx login <url>`.');
  }
  const file = ini.read();
  if (!named && !file.knows(url)) await confirm(url);
  const started = await call(url, '/api/login/requests', { form: { hostname: os.hostname() } });
  if (started.status !== 200 || !started.json) {
    throw new Failure(2, `The server at ${url} did not start a log-in (HTTP ${started.status}). Is it a Gatehouse?`);
  }
  const request = started.json;
  if (!owns(url, request.verificationUriComplete || '')) {
    throw new Failure(2, `The server at ${url} sent an approval address on another site (${request.verificationUriComplete}).`
      + ' Not opening it: a Gatehouse server sends its own address. Check the server you log in to.');
  }
  console.log('To sign in, open this address in a browser and sign up or log in:\n');
  console.log(`    ${request.verificationUriComplete}\n`);
  console.log(`Then check that the page shows the code  ${request.userCode}  and approve.`);
  openBrowser(request.verificationUriComplete);
  let finished = false;
  process.once('SIGINT', () => {
    if (!finished) console.error('\nCancelled: nothing was saved.');
    process.exit(130);
  });
  let interval = request.interval * 1000;
  const deadline = Date.now() + request.expiresIn * 1000;
  let lastLine = 0;
  for (;;) {
    await sleep(interval);
    const polled = await call(url, '/api/login/token', { form: { deviceCode: request.deviceCode } });
    if (polled.status === 200 && polled.json && polled.json.token) {
      finished = true;
      file.putToken(url, polled.json.token);
      file.save();
      console.log(`Signed in. Your personal access token is saved in ${file.file}`);
      return;
    }
    const error = (polled.json && polled.json.error) || '';
    if (error === 'slow_down') {
      interval += 1000;
    } else if (error !== 'authorization_pending') {
      finished = true;
      throw new Failure(1, (polled.json && polled.json.message) || `The log-in failed: ${error || polled.text}`);
    }
    if (Date.now() - lastLine >= 15000) {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      console.log(`Waiting for approval in the browser (${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left, Ctrl-C cancels)`);
      lastLine = Date.now();
    }
  }
}

async function logout(url) {
  if (!url) throw new Failure(2, 'Which Gatehouse? Put "nxCloudUrl" in nx.json, or set NX_CLOUD_API.');
  const file = ini.read();
  const token = file.token(url);
  if (!token) throw new Failure(1, `There is no token for ${url} in ${file.file}; you are logged out already.`);
  const answer = await call(url, '/api/tokens/current', { method: 'DELETE', token });
  if (answer.status === 401) {
    console.log(`The server no longer accepts this token (${answer.text}).`);
  } else if (answer.status !== 200) {
    throw new Failure(2, `The server did not revoke the token (HTTP ${answer.status}): ${answer.text} It is still in ${file.file}.`);
  }
  file.removeToken(url);
  file.save();
  console.log(`Logged out: the token is revoked and removed from ${file.file}`);
}

module.exports = { login, logout, call, Failure };
