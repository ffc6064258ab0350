import { canonicalFormProblem } from '../../../shared/versions/canonicalNegotiation.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { VersionRecord } from '../store/Store.js'

/** What a version's check reads: its texts and the hashes recorded for them. */
export type VersionTexts = Pick<VersionRecord, 'serialized' | 'sha256' | 'pendingAmendments'>

/** Whether a stored version is exactly what was frozen: canonical, and hashing to its recorded SHA-256. */
export async function isVersionIntact(record: VersionTexts): Promise<boolean> {
  try {
    const pendingIntact = !record.pendingAmendments || (await sha256Hex(record.pendingAmendments.serialized)) === record.pendingAmendments.sha256
    return pendingIntact && canonicalFormProblem(record.serialized) === null && (await sha256Hex(record.serialized)) === record.sha256
  } catch {
    return false
  }
}
