import { translator } from '../../../server/src/i18n/serverI18n.js'
import type { Language } from '../../../shared/i18n/languages.js'
import type { AuditEntryWords } from '../../../shared/versions/describeAuditEntry.js'

/** An audit entry's messages in words, as a reader of `language` sees them. */
export function auditWords(words: AuditEntryWords, language: Language = 'en') {
  const { t } = translator('exports', language)
  return { who: t(words.who.key, words.who.values), what: t(words.what.key, words.what.values), hashes: words.hashes.map((hash) => ({ label: t(hash.label.key, hash.label.values), value: hash.value })) }
}
