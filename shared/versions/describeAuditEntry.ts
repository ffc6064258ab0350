import type { z } from 'zod'
import { DEFAULT_LOCALE, formatDateTime } from '../format/dateTime.js'
import type { ExportsKey, Message } from '../i18n/messageKeys.js'
import { Role } from '../roles.js'
import { isTimeZone } from '../silence/zonedTime.js'
import { DraftingMode } from '../negotiation/amendmentSchemas.js'
import { ParagraphStatus } from './negotiationSnapshot.js'
import type { AuditEntryView, AuditNames } from './versionSchemas.js'

type Words = Message<ExportsKey>

/** An audit entry as messages to put into words in the reader's language: who did it, what, and the hashes it carries. */
export interface AuditEntryWords {
  who: Words
  what: Words
  hashes: { label: Words; value: string }[]
}

type Entry = z.infer<typeof AuditEntryView>

/** Writes a recorded moment in a time zone; the reader's language picks the locale. */
export type MomentFormat = (moment: string, timeZone: string) => string

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const statusKey: Record<ParagraphStatus, ExportsKey> = { open: 'versions.status.open', 'ad-referendum': 'versions.status.adReferendum', agreed: 'versions.status.agreed' }
const roleKey: Record<Role, ExportsKey> = { moderator: 'versions.role.moderator', editor: 'versions.role.editor', signatory: 'versions.role.signatory', observer: 'versions.role.observer' }
const modeKey: Record<DraftingMode, ExportsKey> = { open: 'versions.mode.open', negotiation: 'versions.mode.negotiation' }
/** An amendment's audit actions, each with its own sentence. */
const amendmentKey: Record<string, ExportsKey> = {
  'amendment.accepted': 'versions.audit.amendment.accepted',
  'amendment.accepted-as-revised': 'versions.audit.amendment.acceptedRevised',
  'amendment.rejected': 'versions.audit.amendment.rejected',
  'amendment.withdrawn': 'versions.audit.amendment.withdrawn',
  'amendment.edited': 'versions.audit.amendment.edited',
  'amendment.needs-update': 'versions.audit.amendment.needsUpdate',
  'amendment.not-taken-up': 'versions.audit.amendment.notTakenUp',
}
/** Square brackets' and alternatives' audit actions (bracketRules.auditAction), each with its own sentence. */
const bracketKey: Record<string, ExportsKey> = {
  bracket_placed: 'versions.audit.bracket.bracketPlaced',
  bracket_lifted: 'versions.audit.bracket.bracketLifted',
  bracket_text_deleted: 'versions.audit.bracket.bracketTextDeleted',
  alternatives_placed: 'versions.audit.bracket.alternativesPlaced',
  alternatives_lifted: 'versions.audit.bracket.alternativesLifted',
  alternatives_chosen: 'versions.audit.bracket.alternativesChosen',
}
const modeWords = (value: unknown): Words | string => {
  const mode = DraftingMode.safeParse(value)
  return mode.success ? { key: modeKey[mode.data] } : text(value)
}
const statusWords = (value: unknown): Words | string => {
  const status = ParagraphStatus.safeParse(value)
  return status.success ? { key: statusKey[status.data] } : text(value)
}
const roleWords = (value: unknown): Words | string => {
  const role = Role.safeParse(value)
  return role.success ? { key: roleKey[role.data] } : text(value)
}

/** A recorded moment in the zone it was given in; as stored when either does not read as one. */
const englishMoment: MomentFormat = (moment, zone) => formatDateTime(moment, DEFAULT_LOCALE, zone)

/** Reads an audit entry with the names for its ids; an action it does not know still reads as words. */
export function describeAuditEntry(entry: Entry, names: AuditNames, formatMoment: MomentFormat = englishMoment): AuditEntryWords {
  const { details } = entry
  const delegation = (code: string) => names.delegations[code] ?? code
  const person = (id: unknown): Words => {
    const found = names.participants[text(id)]
    return found ? { key: 'versions.audit.person', values: { name: found.name, delegation: delegation(found.delegation) } } : { key: 'versions.audit.unknownParticipant' }
  }
  const version = (id: unknown): Words => {
    const found = names.versions[text(id)]
    return found ? { key: 'versions.audit.version', values: { seq: found.seq, name: found.name } } : { key: 'versions.audit.unknownVersion' }
  }
  const moment = (at: string, zone: string) => (Number.isNaN(Date.parse(at)) || !isTimeZone(zone) ? at : formatMoment(at, zone))
  const sha = (label: Words, value: unknown) => (typeof value === 'string' && value ? [{ label, value }] : [])
  const textHash = sha({ key: 'versions.audit.hash.text' }, details.sha256)
  const statementHashes = () => [...sha({ key: 'versions.audit.hash.statement' }, details.statementSha256), ...sha({ key: 'versions.audit.hash.keyId' }, details.keyId)]
  const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]).map(text).filter(Boolean) : [])
  const described = ((): Omit<AuditEntryWords, 'who'> => {
    switch (entry.action) {
      case 'version_frozen': {
        const invisible = typeof details.invisibleCharacters === 'number' ? details.invisibleCharacters : 0
        return { what: invisible > 0 ? { key: 'versions.audit.frozenInvisible', values: { version: version(details.version), count: invisible } } : { key: 'versions.audit.frozen', values: { version: version(details.version) } }, hashes: textHash }
      }
      case 'draft_locked':
        return { what: { key: 'versions.audit.locked', values: { version: version(details.version) } }, hashes: textHash }
      case 'draft_unlocked':
        return { what: { key: 'versions.audit.unlocked', values: { previous: version(details.previous), version: version(details.version) } }, hashes: [] }
      case 'version_restored':
        return { what: { key: 'versions.audit.restored', values: { version: version(details.version) } }, hashes: textHash }
      case 'signed':
        return { what: { key: 'versions.audit.signed', values: { version: version(details.version), delegation: delegation(text(details.delegation)) } }, hashes: statementHashes() }
      case 'silence_opened':
        return { what: { key: 'versions.audit.silenceOpened', values: { version: version(details.version), deadline: moment(text(details.deadline), text(details.timeZone)), zone: text(details.timeZone) } }, hashes: textHash }
      case 'silence_break':
        return { what: { key: 'versions.audit.silenceBreak', values: { version: version(details.version), delegation: delegation(text(details.delegation)) } }, hashes: statementHashes() }
      case 'silence_decided':
        return {
          what: details.outcome === 'adopted' ? { key: 'versions.audit.silenceAdopted', values: { version: version(details.version) } } : details.outcome === 'withdrawn' ? { key: 'versions.audit.silenceWithdrawn', values: { version: version(details.version) } } : { key: 'versions.audit.silenceBroken', values: { version: version(details.version), delegations: list(details.breaks).map(delegation).join(', ') } },
          hashes: textHash,
        }
      case 'role_changed':
        return { what: { key: 'versions.audit.roleChanged', values: { person: person(details.participant), from: roleWords(details.from), to: roleWords(details.to) } }, hashes: [] }
      case 'member_removed':
        return { what: { key: 'versions.audit.memberRemoved', values: { person: person(details.participant) } }, hashes: [] }
      case 'participant_invited':
        return { what: { key: 'versions.audit.invited', values: { person: person(details.participant), role: roleWords(details.role) } }, hashes: [] }
      case 'sign_in_lock_cleared':
        return { what: { key: 'versions.audit.signInLockCleared', values: { person: person(details.participant) } }, hashes: [] }
      case 'paragraph.status-set': {
        const closed = list(details.notTakenUp)
        const values = { to: statusWords(details.to), from: statusWords(details.from) }
        return { what: closed.length > 0 ? { key: 'versions.audit.statusSetClosing', values: { ...values, amendments: closed.join(', '), count: closed.length } } : { key: 'versions.audit.statusSet', values }, hashes: [] }
      }
      case 'labels_renumbered': {
        const changes = list(details.changes)
        return { what: changes.length ? { key: 'versions.audit.renumbered', values: { changes: changes.join(', ') } } : { key: 'versions.audit.renumberedNone' }, hashes: [] }
      }
      case 'invitation_revoked':
        return { what: { key: 'versions.audit.invitationRevoked' }, hashes: [] }
      case 'mode.changed':
        return { what: { key: 'versions.audit.modeChanged', values: { from: modeWords(details.from), to: modeWords(details.to) } }, hashes: [] }
      default: {
        const amendment = Object.hasOwn(amendmentKey, entry.action) ? amendmentKey[entry.action] : undefined
        if (amendment) return { what: { key: amendment, values: { amendment: text(details.amendment), delegation: delegation(text(details.delegation)) } }, hashes: [] }
        const bracket = Object.hasOwn(bracketKey, entry.action) ? bracketKey[entry.action] : undefined
        if (bracket) return { what: { key: bracket, values: { quote: text(details.quote), chosen: typeof details.chosen === 'number' ? details.chosen : 0, words: text(details.words) } }, hashes: [] }
        return { what: { key: 'versions.audit.other', values: { action: entry.action.replaceAll('_', ' ').replace(/^./, (first) => first.toUpperCase()) } }, hashes: [] }
      }
    }
  })()
  const what: Words = typeof details.paragraph === 'string' ? { key: 'versions.audit.onParagraph', values: { what: described.what, paragraph: details.paragraph } } : described.what
  const who: Words = entry.actor ? { key: 'versions.audit.person', values: { name: entry.actor.name, delegation: delegation(entry.actor.delegation) } } : { key: 'versions.audit.system' }
  return { who, what, hashes: [...described.hashes, { label: { key: 'versions.audit.hash.entry' }, value: entry.hash }] }
}
