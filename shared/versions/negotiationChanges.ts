import type { ExportsKey, Message } from '../i18n/messageKeys.js'
import type { CanonicalBlock, CanonicalText } from './canonicalText.js'
import type { FrozenAlternatives, FrozenBracket, FrozenSpan, NegotiationSnapshot, ParagraphStatus } from './negotiationSnapshot.js'

/** A paragraph whose status changed between two versions. */
export interface StatusChange {
  clauseId: string
  label: string
  from: ParagraphStatus
  to: ParagraphStatus
}

/** A bracket placed or lifted between two versions, with the words it holds or held. */
export interface BracketChange {
  id: string
  clauseId: string
  label: string
  words: string
  requestedBy: string[]
}

/** A set of alternatives that appeared or was resolved between two versions. */
export interface AlternativesChange {
  id: string
  clauseId: string
  label: string
  options: string[]
}

/** A paragraph whose label changed (renumbering): "OP7bis → OP8". */
export interface LabelChange {
  clauseId: string
  from: string
  to: string
}

/** How the negotiation state moved from one version to the next, with a message (a sentence in the reader's language) for each change. */
export interface NegotiationChanges {
  statuses: StatusChange[]
  bracketsAdded: BracketChange[]
  bracketsLifted: BracketChange[]
  alternativesAdded: AlternativesChange[]
  alternativesResolved: AlternativesChange[]
  labels: LabelChange[]
  messages: Message<ExportsKey>[]
}

type Clause = Extract<CanonicalBlock, { type: 'clause' }>

const statusKey: Record<ParagraphStatus, ExportsKey> = { open: 'versions.status.open', 'ad-referendum': 'versions.status.adReferendum', agreed: 'versions.status.agreed' }

/** The options of resolved alternatives as one message: "Alt 1 “…” / Alt 2 “…”", nested so each step is a whole template. */
function optionsMessage(options: string[], first = 1): Message<ExportsKey> {
  const option: Message<ExportsKey> = { key: 'versions.negotiation.option', values: { number: first, text: options[0] ?? '' } }
  return options.length <= 1 ? option : { key: 'versions.negotiation.options', values: { first: option, rest: optionsMessage(options.slice(1), first + 1) } }
}

const noState: NegotiationSnapshot = { statuses: [], brackets: [], alternatives: [] }

function clausesById(text: CanonicalText): Map<string, Clause> {
  return new Map(text.blocks.filter((block): block is Clause => block.type === 'clause' && block.id !== null).map((clause) => [clause.id!, clause]))
}

/** The words of a frozen span: its offsets count the paragraph's characters, notes left out. */
function wordsOf(clauses: Map<string, Clause>, span: FrozenSpan): string {
  const text = (clauses.get(span.clauseId)?.content ?? []).map((run) => ('text' in run ? run.text : '')).join('')
  return text.slice(span.start, span.end)
}

/** What changed in the negotiation state between two versions (a form 1 text has every paragraph open, nothing bracketed). */
export function negotiationChanges(older: CanonicalText, newer: CanonicalText): NegotiationChanges {
  const before = older.negotiation ?? noState
  const after = newer.negotiation ?? noState
  const olderClauses = clausesById(older)
  const newerClauses = clausesById(newer)
  const labelOf = (clauseId: string) => newerClauses.get(clauseId)?.label ?? olderClauses.get(clauseId)?.label ?? 'a removed paragraph'
  const labelWords = (clauseId: string): string | Message<ExportsKey> => newerClauses.get(clauseId)?.label ?? olderClauses.get(clauseId)?.label ?? { key: 'versions.negotiation.removedParagraph' }
  const statusIn = (state: NegotiationSnapshot) => new Map(state.statuses.map((entry) => [entry.clauseId, entry.status]))
  const was = statusIn(before)
  const now = statusIn(after)

  const statuses = [...newerClauses.keys()].flatMap((clauseId): StatusChange[] => {
    const from = was.get(clauseId) ?? 'open'
    const to = now.get(clauseId) ?? 'open'
    return from === to ? [] : [{ clauseId, label: labelOf(clauseId), from, to }]
  })
  const bracket = (clauses: Map<string, Clause>) => (entry: FrozenBracket): BracketChange => ({ id: entry.id, clauseId: entry.clauseId, label: labelOf(entry.clauseId), words: wordsOf(clauses, entry), requestedBy: entry.requestedBy })
  const alternatives = (entry: FrozenAlternatives): AlternativesChange => ({ id: entry.id, clauseId: entry.clauseId, label: labelOf(entry.clauseId), options: entry.options.map((option) => option.text) })
  const idsOf = (list: { id: string }[]) => new Set(list.map((entry) => entry.id))
  const bracketsAdded = after.brackets.filter((entry) => !idsOf(before.brackets).has(entry.id)).map(bracket(newerClauses))
  const bracketsLifted = before.brackets.filter((entry) => !idsOf(after.brackets).has(entry.id)).map(bracket(olderClauses))
  const alternativesAdded = after.alternatives.filter((entry) => !idsOf(before.alternatives).has(entry.id)).map(alternatives)
  const alternativesResolved = before.alternatives.filter((entry) => !idsOf(after.alternatives).has(entry.id)).map(alternatives)
  const labels = [...newerClauses.values()].flatMap((clause): LabelChange[] => {
    const previous = olderClauses.get(clause.id!)
    return previous && previous.label !== clause.label ? [{ clauseId: clause.id!, from: previous.label, to: clause.label }] : []
  })

  const messages: Message<ExportsKey>[] = [
    ...statuses.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.status', values: { label: change.label, from: { key: statusKey[change.from] }, to: { key: statusKey[change.to] } } })),
    ...bracketsAdded.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.bracketPlaced', values: { label: labelWords(change.clauseId), words: change.words } })),
    ...bracketsLifted.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.bracketLifted', values: { label: labelWords(change.clauseId), words: change.words } })),
    ...alternativesAdded.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.alternativesProposed', values: { label: labelWords(change.clauseId), count: change.options.length } })),
    ...alternativesResolved.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.alternativesResolved', values: { label: labelWords(change.clauseId), options: optionsMessage(change.options) } })),
    ...labels.map((change): Message<ExportsKey> => ({ key: 'versions.negotiation.relabelled', values: { from: change.from, to: change.to } })),
  ]
  return { statuses, bracketsAdded, bracketsLifted, alternativesAdded, alternativesResolved, labels, messages }
}
