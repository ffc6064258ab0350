// The tests need Debian's Chromium (browser tests) and strace (the fsync proof); install them where we can, otherwise say how in one line.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0

const missing = [...(existsSync(chromium) ? [] : ['chromium']), ...(onPath('strace') ? [] : ['strace'])]

if (missing.length > 0) {
  const packages = missing.join(' ')
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    process.stderr.write(`The tests need ${packages}: install with "sudo apt-get install -y ${packages}" (or set CHROMIUM_PATH).\n`)
    process.exit(1)
  }
  process.stdout.write(`Installing ${packages} for the tests…\n`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) {
      process.stderr.write(`Installing ${packages} with apt-get failed; install them and run the tests again.\n`)
      process.exit(1)
    }
  }
}
