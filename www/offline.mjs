// Writes the service worker into the built app (Trunk's post_build hook).
// It lists every built file with a hash of the whole build, so a new build
// installs a new cache and the old one is dropped whole: a page never gets a
// mix of two versions.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node www/offline.mjs <built folder> (Trunk sets TRUNK_STAGING_DIR)');
  process.exit(2);
}

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((p) => p !== 'sw.js' && !p.endsWith('.source'))
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(files));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`service worker: ${files.length} files, version ${version}`);
