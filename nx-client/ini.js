'use strict';
// nx's own token file, nxcloud.ini, exactly as Gatehouse's Java CLI reads and writes it: one
// section per server URL (dots escaped as npm's ini package writes them), key personalAccessToken,
// every other line kept, written through a temporary file, readable by its owner only.
const fs = require('fs');
const os = require('os');
const path = require('path');

const KEY = 'personalAccessToken';

/** nx's lookup order on Unix; a new file goes to the XDG location, else ~/.config/nxcloud. */
function locate(env = process.env) {
  const home = env.HOME || os.homedir();
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() ? env.XDG_CONFIG_HOME : null;
  const candidates = [];
  if (xdg) candidates.push(path.join(xdg, 'nxcloud', 'nxcloud.ini'));
  candidates.push(path.join(home, '.nxcloud.ini'), path.join(home, '.config', 'nxcloud', 'nxcloud.ini'));
  const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  return found || (xdg ? candidates[0] : candidates[candidates.length - 1]);
}

const escape = (url) => url.split('.').join('\\.');

class NxCloudIni {
  constructor(file) {
    this.file = file;
    this.lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
    if (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
  }

  section(url) {
    const header = `[${escape(url)}]`;
    const start = this.lines.findIndex((line) => line.trim() === header);
    if (start < 0) return null;
    let end = start + 1;
    while (end < this.lines.length && !this.lines[end].trim().startsWith('[')) end++;
    return [start, end];
  }

  keyLine(url) {
    const found = this.section(url);
    if (!found) return -1;
    for (let i = found[0] + 1; i < found[1]; i++) {
      const line = this.lines[i];
      if (!/^\s*[;#]/.test(line) && line.includes('=') && line.slice(0, line.indexOf('=')).trim() === KEY) return i;
    }
    return -1;
  }

  token(url) {
    const i = this.keyLine(url);
    return i < 0 ? null : this.lines[i].slice(this.lines[i].indexOf('=') + 1).trim() || null;
  }

  knows(url) {
    return this.section(url) !== null;
  }

  putToken(url, token) {
    const i = this.keyLine(url);
    if (i >= 0) {
      this.lines[i] = `${KEY}=${token}`;
    } else if (this.section(url)) {
      this.lines.splice(this.section(url)[0] + 1, 0, `${KEY}=${token}`);
    } else {
      this.lines.push(`[${escape(url)}]`, `${KEY}=${token}`);
    }
  }

  removeToken(url) {
    const i = this.keyLine(url);
    if (i < 0) return false;
    this.lines.splice(i, 1);
    return true;
  }

  save() {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, this.lines.join('\n') + '\n', { mode: 0o600 });
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, this.file);
  }
}

module.exports = { locate, NxCloudIni, read: (file = locate()) => new NxCloudIni(file) };
