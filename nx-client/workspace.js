'use strict';
// What nx.json and the environment say: the Gatehouse server, the workspace's id, the token.
const fs = require('fs');
const path = require('path');
const ini = require('./ini');

function nxJson(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'nx.json'), 'utf8'));
  } catch (e) {
    return {};
  }
}

/** The options of the default tasks runner, where workspaces connected before Nx 19.7 keep them. */
function legacyOptions(json) {
  return (json.tasksRunnerOptions && json.tasksRunnerOptions.default && json.tasksRunnerOptions.default.options) || {};
}

/** NX_CLOUD_API, else nxCloudUrl in nx.json (or the legacy runner options), as nx itself picks it. */
function serverUrl(root, override) {
  const json = nxJson(root);
  const url = override || process.env.NX_CLOUD_API || json.nxCloudUrl || legacyOptions(json).url || null;
  return url ? url.replace(/\/+$/, '') : null;
}

function nxCloudId(root) {
  const json = nxJson(root);
  return json.nxCloudId || legacyOptions(json).nxCloudId || null;
}

/** CI's token from the environment, else the one `nx login` saved for this server. */
function token(url) {
  return process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN || (url && ini.read().token(url)) || null;
}

module.exports = { serverUrl, nxCloudId, token, legacyOptions };
