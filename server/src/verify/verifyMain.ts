import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import { PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import { verifyEvidence, type EvidenceAnchors } from '../../../shared/signatures/verifyEvidence.js'

const USAGE = 'Usage: npm run verify -- <evidence-bundle.json> [--keys <published-keys.json>] [--audit-head <sha256>]\n'

/** Exit code when every check holds but something was checked only against the bundle itself. */
const UNAUTHENTICATED = 3

async function readJson<T>(path: string, schema: z.ZodType<T>, what: string): Promise<{ value: T } | { error: string }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    return { error: `${path} cannot be read as JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  const result = schema.safeParse(parsed)
  if (result.success) return { value: result.data }
  const issue = result.error.issues[0]
  return { error: `${path} is not ${what} (at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unexpected content'})` }
}

/** `npm run verify -- bundle.json --keys keys.json --audit-head HASH`: checks an evidence bundle offline against outside anchors and prints a verdict per item. */
async function main(args: string[]): Promise<number> {
  let options: { positionals: string[]; values: { keys?: string; 'audit-head'?: string } }
  try {
    options = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' }, 'audit-head': { type: 'string' } } })
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const [path, ...extra] = options.positionals
  const head = options.values['audit-head']?.trim().toLowerCase()
  if (!path || extra.length > 0 || (head !== undefined && !/^[0-9a-f]{64}$/.test(head))) {
    process.stderr.write(head !== undefined && !/^[0-9a-f]{64}$/.test(head) ? `--audit-head takes a SHA-256 of 64 hex digits.\n${USAGE}` : USAGE)
    return 2
  }
  const bundle = await readJson(path, EvidenceBundle, 'a Kelisim evidence bundle')
  if ('error' in bundle) {
    process.stdout.write(`INVALID: ${bundle.error}.\n`)
    return 1
  }
  const anchors: EvidenceAnchors = {}
  if (options.values.keys) {
    const keys = await readJson(options.values.keys, PublishedKeys, 'a published key list')
    if ('error' in keys) {
      process.stderr.write(`${keys.error}.\n`)
      return 2
    }
    if (keys.value.declaration !== bundle.value.declaration) {
      process.stderr.write(`${options.values.keys} lists the keys for "${keys.value.declaration}", not "${bundle.value.declaration}".\n`)
      return 2
    }
    anchors.keys = keys.value
  }
  if (head) anchors.auditHead = head

  const checks = await verifyEvidence(bundle.value, anchors)
  for (const check of checks) process.stdout.write(`${check.ok ? 'OK  ' : 'FAIL'} ${check.item}: ${check.detail}\n     checked against: ${check.against}\n`)
  const failed = checks.filter((check) => !check.ok).length
  if (failed > 0) {
    process.stdout.write(`INVALID: ${failed} of ${checks.length} checks failed.\n`)
    return 1
  }
  const unauthenticated = checks.filter((check) => !check.authenticated)
  if (unauthenticated.length > 0) {
    const hint = [!anchors.keys && '--keys', !anchors.auditHead && '--audit-head'].filter(Boolean).join(' and ')
    process.stdout.write(
      `CONSISTENT, but not authenticated: ${unauthenticated.map((check) => check.item).join('; ')} ${unauthenticated.length === 1 ? 'was' : 'were'} checked only against the bundle itself${hint ? ` (give ${hint})` : ''}.\n`,
    )
    return UNAUTHENTICATED
  }
  process.stdout.write(`VALID: all ${checks.length} checks passed, against ${[anchors.keys && `the published key list of ${anchors.keys.publishedAt}`, anchors.auditHead && `audit head ${anchors.auditHead}`].filter(Boolean).join(' and ')}.\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
