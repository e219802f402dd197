// @ts-check
// Layering inside src/main, as an allow-list keyed on folder name (VS Code's layer
// folders): the shell may use anything; the service composer (api.ts) composes the
// capabilities; a capability folder may use storage (db, vault, documents), access (the
// session, acting, permissions), audit (entries are returned to session.act), the
// register (the subjects and items every capability acts on, and the association guard)
// and exchange (office keys and the signed, encrypted exchange file every capability
// sends and receives), never another capability's service slice, the composer or the shell; the base folders
// use only each other in their order (access and audit each other, the register both);
// storage knows no capability. A folder not named below is a capability, so a new one is
// covered the day it is created.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Storage folders and the storage folders each may use. */
const STORAGE = { db: [], vault: ['db'], documents: [] };
/** Folders every capability may use besides storage, each with the base folders it may use itself. */
const CAPABILITY_BASE = { access: ['audit'], audit: ['access'], register: ['access', 'audit'], exchange: ['access', 'audit'] };
/** Modules at the top of src/main: who may import each. */
const ROOT_MODULES = { api: ['shell'], dispatch: ['shell'], host: 'any', settings: 'any' };

/** 'shell', 'db', 'register', or '' for a file directly in src/main (with its module name). */
function placeOf(file) {
  const rel = path.relative(path.resolve('src/main'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return { folder: '', module: (parts[0] ?? '').replace(/\.(ts|tsx|js|mjs)$/, '') };
  return { folder: parts[0] ?? '', module: parts.slice(1).join('/').replace(/\.(ts|tsx|js|mjs)$/, '') };
}

/** Why `from` may not import `to`, or null if it may. */
export function layeringProblem(from, to) {
  if (from.folder === 'shell') return null;
  if (to.folder === from.folder && from.folder !== '') return null;
  if (to.folder === 'shell') return 'Only the shell may depend on the shell.';
  if (to.folder === '') {
    const who = ROOT_MODULES[to.module];
    if (who === 'any') return null;
    if (from.folder === '' ) return null;
    return `src/main/${to.module}.ts is the service composer's; ${from.folder}/ may not import it.`;
  }
  if (from.folder === '') return null; // the composer and dispatcher compose the capabilities
  if (from.folder in STORAGE) {
    return STORAGE[from.folder].includes(to.folder) ? null : `Storage (${from.folder}/) knows no capability: it may not import ${to.folder}/.`;
  }
  // from a capability
  if (to.folder in STORAGE) return null;
  if (to.folder in CAPABILITY_BASE) {
    if (to.module === 'service') return `A capability may not import another capability's service slice (${to.folder}/service).`;
    if (from.folder in CAPABILITY_BASE && !CAPABILITY_BASE[from.folder].includes(to.folder)) {
      return `The ${from.folder} capability may not import the ${to.folder} capability: it may use only ${CAPABILITY_BASE[from.folder].map((f) => `${f}/`).join(', ')} and storage.`;
    }
    return null;
  }
  if (from.folder in CAPABILITY_BASE) {
    return `The ${from.folder} capability may not import the ${to.folder} capability: ${from.folder}/ is under every capability and may use only ${CAPABILITY_BASE[from.folder].map((f) => `${f}/`).join(', ')} and storage.`;
  }
  return `The ${from.folder} capability may not import the ${to.folder} capability: capabilities use only access/, audit/, register/, exchange/ and storage.`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{problem}}' } },
  create(context) {
    const file = path.resolve(context.filename);
    const from = placeOf(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      let target = path.resolve(path.dirname(file), source.replace(/\?.*$/, ''));
      // '../vault' is the folder's index.
      if (existsSync(target) && statSync(target).isDirectory()) target = path.join(target, 'index.ts');
      const to = placeOf(target);
      if (!to) return;
      const problem = layeringProblem(from, to);
      if (problem) context.report({ node, messageId: 'layer', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'main-layers': rule } };
