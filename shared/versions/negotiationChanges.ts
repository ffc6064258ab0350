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

/** How the negotiation state moved from one version to the next, with a sentence for each change. */
export interface NegotiationChanges {
  statuses: StatusChange[]
  bracketsAdded: BracketChange[]
  bracketsLifted: BracketChange[]
  alternativesAdded: AlternativesChange[]
  alternativesResolved: AlternativesChange[]
  labels: LabelChange[]
  sentences: string[]
}

type Clause = Extract<CanonicalBlock, { type: 'clause' }>

const statusWords: Record<ParagraphStatus, string> = { open: 'open', 'ad-referendum': 'agreed ad referendum', agreed: 'agreed' }

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

  const sentences = [
    ...statuses.map((change) => `${change.label}: ${statusWords[change.from]} → ${statusWords[change.to]}`),
    ...bracketsAdded.map((change) => `${change.label}: bracket placed around “${change.words}”`),
    ...bracketsLifted.map((change) => `${change.label}: bracket lifted from “${change.words}”`),
    ...alternativesAdded.map((change) => `${change.label}: ${change.options.length} alternatives proposed`),
    ...alternativesResolved.map((change) => `${change.label}: alternatives resolved (${change.options.map((option, index) => `Alt ${index + 1} “${option}”`).join(' / ')})`),
    ...labels.map((change) => `${change.from} → ${change.to}`),
  ]
  return { statuses, bracketsAdded, bracketsLifted, alternativesAdded, alternativesResolved, labels, sentences }
}
