import { readFile } from 'node:fs/promises'
import { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import { verifyEvidence } from '../../../shared/signatures/verifyEvidence.js'

/** `npm run verify -- bundle.json`: checks an evidence bundle offline and prints a verdict per item. */
async function main(path: string | undefined): Promise<number> {
  if (!path) {
    process.stderr.write('Usage: npm run verify -- <evidence-bundle.json>\n')
    return 2
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    process.stdout.write(`INVALID: ${path} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}).\n`)
    return 1
  }
  const bundle = EvidenceBundle.safeParse(parsed)
  if (!bundle.success) {
    const issue = bundle.error.issues[0]
    process.stdout.write(`INVALID: not a Kelisim evidence bundle (at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unexpected content'}).\n`)
    return 1
  }
  const checks = await verifyEvidence(bundle.data)
  for (const check of checks) process.stdout.write(`${check.ok ? 'OK  ' : 'FAIL'} ${check.item}: ${check.detail}\n`)
  const failed = checks.filter((check) => !check.ok).length
  process.stdout.write(failed === 0 ? `VALID: all ${checks.length} checks passed.\n` : `INVALID: ${failed} of ${checks.length} checks failed.\n`)
  return failed === 0 ? 0 : 1
}

process.exitCode = await main(process.argv[2])
