/**
 * Run before the tests: makes sure Debian's Chromium (and CJK fonts for screenshots) is present.
 * As root with apt-get it installs them; otherwise it stops with the exact command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

if (import.meta.main) {
  if (existsSync(CHROMIUM_PATH) && hasCjkFont()) process.exit(0);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium or Chinese fonts are missing. Install them with:\n  sudo sh -c '${INSTALL}'\n(or set CHROMIUM_PATH to a Chromium binary).`);
    process.exit(1);
  }
  console.log(`Installing Debian's chromium and fonts-noto-cjk: ${INSTALL}`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL} >/dev/null`], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`);
    process.exit(1);
  }
}
