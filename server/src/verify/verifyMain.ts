import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { Language } from '../../../shared/i18n/languages.js'
import type { VerifyKey } from '../../../shared/i18n/messageKeys.js'
import { EvidenceBundle } from '../../../shared/signatures/evidence.js'
import { PublishedKeys } from '../../../shared/signatures/publishedKeys.js'
import { verifyEvidence, type EvidenceAnchors, type VerifyMessage } from '../../../shared/signatures/verifyEvidence.js'
import { issueMessage } from '../i18n/issueMessage.js'
import { serverMessage, translator, type Translator } from '../i18n/serverI18n.js'
import { environmentLanguage } from './environmentLanguage.js'

/** Exit code when every check holds but something was checked only against the bundle itself. */
const UNAUTHENTICATED = 3

async function readJson<T>(path: string, schema: z.ZodType<T>, notA: VerifyKey, text: Translator<VerifyKey>): Promise<{ value: T } | { error: string }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    return { error: text.t('unreadable', { path, error: error instanceof Error ? error.message : String(error) }) }
  }
  const result = schema.safeParse(parsed, { reportInput: true })
  if (result.success) return { value: result.data }
  const issue = result.error.issues[0]
  const problem = issue ? serverMessage(text.language, issueMessage(issue)) : ''
  return { error: text.t(notA, { path, where: issue?.path.join('.') || text.t('top'), problem }) }
}

/** `npm run verify -- bundle.json --keys keys.json --audit-head HASH [--lang=kk]`: checks an evidence bundle offline against outside anchors and prints a verdict per item. */
async function main(args: string[]): Promise<number> {
  let options: { positionals: string[]; values: { keys?: string; 'audit-head'?: string; lang?: string } }
  let text = translator('verify', environmentLanguage(process.env))
  try {
    options = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' }, 'audit-head': { type: 'string' }, lang: { type: 'string' } } })
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${text.t('usage')}\n`)
    return 2
  }
  if (options.values.lang !== undefined) {
    const language = Language.safeParse(options.values.lang)
    if (!language.success) {
      process.stderr.write(`${text.t('badLanguage')}\n${text.t('usage')}\n`)
      return 2
    }
    text = translator('verify', language.data)
  }
  const { t } = text
  const say = (message: VerifyMessage) => t(message.key, message.values)
  const [path, ...extra] = options.positionals
  const head = options.values['audit-head']?.trim().toLowerCase()
  const badHead = head !== undefined && !/^[0-9a-f]{64}$/.test(head)
  if (!path || extra.length > 0 || badHead) {
    process.stderr.write(badHead ? `${t('badHead')}\n${t('usage')}\n` : `${t('usage')}\n`)
    return 2
  }
  const bundle = await readJson(path, EvidenceBundle, 'notBundle', text)
  if ('error' in bundle) {
    process.stdout.write(`${t('invalidFile', { error: bundle.error })}\n`)
    return 1
  }
  const anchors: EvidenceAnchors = {}
  if (options.values.keys) {
    const keys = await readJson(options.values.keys, PublishedKeys, 'notKeyList', text)
    if ('error' in keys) {
      process.stderr.write(`${keys.error}.\n`)
      return 2
    }
    if (keys.value.declaration !== bundle.value.declaration) {
      process.stderr.write(`${t('keysOtherDeclaration', { path: options.values.keys, listed: keys.value.declaration, declaration: bundle.value.declaration })}\n`)
      return 2
    }
    anchors.keys = keys.value
  }
  if (head) anchors.auditHead = head

  const checks = await verifyEvidence(bundle.value, anchors)
  for (const check of checks) {
    process.stdout.write(`${t(check.ok ? 'ok' : 'fail', { item: check.item, detail: check.detail })}\n${t('checkedAgainst', { against: check.against.map(say).join('; ') })}\n`)
  }
  const failed = checks.filter((check) => !check.ok).length
  if (failed > 0) {
    process.stdout.write(`${t('failed', { failed, count: checks.length })}\n`)
    return 1
  }
  const unauthenticated = checks.filter((check) => !check.authenticated)
  if (unauthenticated.length > 0) {
    const missing = [!anchors.keys && '--keys', !anchors.auditHead && '--audit-head'].filter((option): option is string => option !== false)
    const items = unauthenticated.map((check) => say(check.item)).join('; ')
    const line = missing.length > 0 ? t('consistentHint', { items, count: unauthenticated.length, options: new Intl.ListFormat(text.locale).format(missing) }) : t('consistent', { items, count: unauthenticated.length })
    process.stdout.write(`${line}\n`)
    return UNAUTHENTICATED
  }
  const against: VerifyMessage[] = [
    ...(anchors.keys ? [{ key: 'anchor.keys', values: { publishedAt: anchors.keys.publishedAt } } as const] : []),
    ...(anchors.auditHead ? [{ key: 'anchor.head', values: { head: anchors.auditHead } } as const] : []),
  ]
  process.stdout.write(`${t('valid', { count: checks.length, anchors: against })}\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
