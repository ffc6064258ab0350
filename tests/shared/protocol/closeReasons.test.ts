import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { closeMessage } from '../../../client/src/i18n/closeMessage.js'
import { DAMAGED_MESSAGE } from '../../../server/src/store/DamagedLogError.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { fitCloseReason, MAX_CLOSE_REASON_BYTES } from '../../../shared/protocol/closeReason.js'

const serverDir = fileURLToPath(new URL('../../../server/src/', import.meta.url))
const bytes = (text: string) => new TextEncoder().encode(text).length
/** A detail put into a reason (a count, a label), as long as such details get. */
const DETAIL = 'OP7quaterdec'

/** Every close reason the server's sources pass with a close code: literals with their details filled in, and the names of constants. */
async function closeReasons(): Promise<{ code: string; reason: string; file: string }[]> {
  const found: { code: string; reason: string; file: string }[] = []
  for (const entry of await readdir(serverDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const source = await readFile(join(entry.parentPath, entry.name), 'utf8')
    for (const match of source.matchAll(/CloseCode\.(\w+),\s*(?:fitCloseReason\()?(?:'((?:[^'\\]|\\.)*)'|"([^"]*)"|`([^`]*)`|([A-Z_]+)\b)/g)) {
      const [, code, single, double, template, constant] = match
      const reason = constant === 'DAMAGED_MESSAGE' ? DAMAGED_MESSAGE : (single?.replaceAll("\\'", "'") ?? double ?? template?.replace(/\$\{[^}]*\}/g, DETAIL) ?? `unknown constant ${constant}`)
      found.push({ code: code!, reason, file: entry.name })
    }
  }
  return found
}

describe('websocket close codes and reasons', () => {
  it('every reason the server sends fits the close frame and is plain English for logs', async () => {
    const reasons = await closeReasons()
    expect(reasons.length).toBeGreaterThan(20)
    for (const { code, reason, file } of reasons) {
      expect(Object.keys(CloseCode), `${file}: ${reason}`).toContain(code)
      expect(bytes(reason), `${file}: ${reason}`).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES)
      // English only by design: the client shows a message of its own, in the interface language, chosen by the code.
      expect(reason, file).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it('every close code has its own message on screen, so no reason is ever shown', () => {
    const keys = Object.values(CloseCode).map((code) => closeMessage(((key: string) => key) as never, code))
    expect(keys).not.toContain('close.other')
    expect(new Set(keys).size).toBe(Object.keys(CloseCode).length)
  })

  it('cuts a reason that a detail made too long at a character boundary, and leaves a short one alone', () => {
    expect(fitCloseReason('Too many messages; the connection was closed.')).toBe('Too many messages; the connection was closed.')
    const long = `The change breaks the editor schema: The clause id "${'ид😀'.repeat(60)}" is already in use.`
    const fitted = fitCloseReason(long)
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES)
    expect(fitted).toMatch(/\.\.\.$/)
    expect(long.startsWith(fitted.slice(0, -3))).toBe(true)
    expect(fitted).not.toMatch(/[\ud800-\udbff]\.\.\.$/)
  })
})
