// Installs the exact dependency tree of package-lock.json (`npm ci`), but only when it changed since
// the last install, so a rebuild does not wipe and re-fetch node_modules every time.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.saraban-lock-sha256';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('frontend dependencies up to date');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, lock);
}
