// Puts the OFL Sarabun fonts (DESIGN.md §5: the metric stand-in for TH Sarabun New) into the jar's
// resources. npm ci runs only when package-lock.json differs from the one last installed here, so an
// offline rebuild (mvn -o) works once node_modules is populated.
// Usage: node fetch-fonts.mjs <resource directory>
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  throw new Error('usage: node fetch-fonts.mjs <resource directory>');
}
const installed = join('node_modules', '.lock-of-this-install');
const wanted = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const current = existsSync(installed) ? readFileSync(installed, 'utf8') : '';
if (current !== wanted) {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(installed, wanted);
}

const pkg = join('node_modules', '@expo-google-fonts', 'sarabun');
// file in the npm package -> resource name FontSet.bundled() loads; the licence travels with the fonts (OFL 1.1 §2)
const files = {
  [join('400Regular', 'Sarabun_400Regular.ttf')]: 'Sarabun-Regular.ttf',
  [join('700Bold', 'Sarabun_700Bold.ttf')]: 'Sarabun-Bold.ttf',
  LICENSE_FONT: 'Sarabun-OFL.txt',
};
mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  copyFileSync(join(pkg, from), join(target, to));
}
console.log(`Sarabun fonts in ${target}`);
