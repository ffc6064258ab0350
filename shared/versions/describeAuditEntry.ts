import type { z } from 'zod'
import { DEFAULT_LOCALE, formatDateTime } from '../format/dateTime.js'
import { roleLabel, type Role } from '../roles.js'
import { isTimeZone } from '../silence/zonedTime.js'
import { statusLabel } from '../paragraphStatus/statusLabels.js'
import { ParagraphStatus } from './negotiationSnapshot.js'
import type { AuditEntryView, AuditNames } from './versionSchemas.js'

/** An audit entry in words: who did it, what, on which version or paragraph, and the hashes it carries. */
export interface AuditEntryWords {
  who: string
  what: string
  hashes: { label: string; value: string }[]
}

type Entry = z.infer<typeof AuditEntryView>

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const statusWords = (value: unknown) => {
  const status = ParagraphStatus.safeParse(value)
  return status.success ? statusLabel[status.data].long : text(value)
}

/** A recorded moment in the zone it was given in; as stored when either does not read as one. */
const momentIn = (moment: string, zone: string) => (Number.isNaN(Date.parse(moment)) || !isTimeZone(zone) ? moment : formatDateTime(moment, DEFAULT_LOCALE, zone))

/** Reads an audit entry with the names for its ids; an action it does not know still reads as words. */
export function describeAuditEntry(entry: Entry, names: AuditNames): AuditEntryWords {
  const { details } = entry
  const delegation = (code: string) => names.delegations[code] ?? code
  const person = (id: unknown) => {
    const found = names.participants[text(id)]
    return found ? `${found.name} (${delegation(found.delegation)})` : 'a participant no longer registered'
  }
  const version = (id: unknown) => {
    const found = names.versions[text(id)]
    return found ? `version ${found.seq} “${found.name}”` : 'a version'
  }
  const role = (value: unknown) => roleLabel[text(value) as Role] ?? text(value)
  const sha = (label: string, value: unknown) => (typeof value === 'string' && value ? [{ label, value }] : [])
  const textHash = sha('SHA-256 of the text', details.sha256)
  const described = ((): Omit<AuditEntryWords, 'who'> => {
    switch (entry.action) {
      case 'version_frozen': {
        const invisible = typeof details.invisibleCharacters === 'number' && details.invisibleCharacters > 0 ? `, with ${details.invisibleCharacters} invisible characters` : ''
        return { what: `Froze ${version(details.version)}${invisible}`, hashes: textHash }
      }
      case 'draft_locked':
        return { what: `Locked the draft for signature on ${version(details.version)}`, hashes: textHash }
      case 'draft_unlocked':
        return { what: `Unlocked the draft, which was locked on ${version(details.previous)}; drafting goes on from ${version(details.version)}`, hashes: [] }
      case 'version_restored':
        return { what: `Restored the draft to ${version(details.version)}`, hashes: textHash }
      case 'signed':
        return { what: `Signed ${version(details.version)} for ${delegation(text(details.delegation))}`, hashes: [...sha('SHA-256 of the signed statement', details.statementSha256), ...sha('Key id', details.keyId)] }
      case 'silence_opened':
        return { what: `Placed ${version(details.version)} under silence until ${momentIn(text(details.deadline), text(details.timeZone))} (${text(details.timeZone)})`, hashes: textHash }
      case 'silence_break':
        return { what: `Broke silence on ${version(details.version)} for ${delegation(text(details.delegation))}`, hashes: [...sha('SHA-256 of the signed statement', details.statementSha256), ...sha('Key id', details.keyId)] }
      case 'silence_decided':
        return {
          what: details.outcome === 'adopted' ? `Adopted ${version(details.version)} by silence procedure: no delegation broke silence` : details.outcome === 'withdrawn' ? `Withdrew ${version(details.version)} from silence procedure by unlocking the draft before the deadline` : `Closed the silence on ${version(details.version)} as broken by ${(Array.isArray(details.breaks) ? (details.breaks as unknown[]) : []).map((code) => delegation(text(code))).join(', ')}`,
          hashes: textHash,
        }
      case 'role_changed':
        return { what: `Changed the role of ${person(details.participant)} from ${role(details.from)} to ${role(details.to)}`, hashes: [] }
      case 'member_removed':
        return { what: `Removed ${person(details.participant)} from the declaration`, hashes: [] }
      case 'participant_invited':
        return { what: `Invited ${person(details.participant)} as ${role(details.role)}`, hashes: [] }
      case 'sign_in_lock_cleared':
        return { what: `Cleared the failed sign-ins of ${person(details.participant)}`, hashes: [] }
      case 'paragraph.status-set': {
        const closed = Array.isArray(details.notTakenUp) && details.notTakenUp.length > 0 ? `, closing ${details.notTakenUp.map(text).join(', ')} as not taken up` : ''
        return { what: `Marked ${statusWords(details.to)} (was ${statusWords(details.from)})${closed}`, hashes: [] }
      }
      case 'labels_renumbered': {
        const changes = Array.isArray(details.changes) ? details.changes.map(text).filter(Boolean) : []
        return { what: changes.length ? `Renumbered the paragraphs: ${changes.join(', ')}` : 'Renumbered the paragraphs; no label changed', hashes: [] }
      }
      case 'invitation_revoked':
        return { what: 'Revoked an invitation', hashes: [] }
      default:
        return { what: entry.action.replaceAll('_', ' ').replace(/^./, (first) => first.toUpperCase()), hashes: [] }
    }
  })()
  const paragraph = typeof details.paragraph === 'string' ? `, paragraph ${details.paragraph}` : ''
  const who = entry.actor ? `${entry.actor.name} (${delegation(entry.actor.delegation)})` : 'The system'
  return { who, what: described.what + paragraph, hashes: [...described.hashes, { label: 'Entry hash', value: entry.hash }] }
}
