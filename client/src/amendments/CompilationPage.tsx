import { useEffect, useState } from 'react'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { BackLink } from '../navigation/BackLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { SilenceSection } from '../silence/SilenceSection.js'
import { useDeclarationSync, type DeclarationSync } from '../sync/useDeclarationSync.js'
import { statusLabel } from './AmendmentCard.js'
import { ChangeText } from './ChangeText.js'
import { isOpen } from '../../../shared/negotiation/amendmentRules.js'
import { changeClauseId, describeChange } from '../../../shared/negotiation/describeChange.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'
import { useAmendments } from './useAmendments.js'
import { useBrackets } from '../brackets/useBrackets.js'
import { frozenBrackets } from '../../../shared/brackets/frozenBrackets.js'
import { printedParagraph } from '../../../shared/brackets/printedBrackets.js'
import { StatusBadge } from '../paragraphStatus/StatusBadge.js'
import { useLiveParagraphs } from '../paragraphStatus/useLiveParagraphs.js'
import { useParagraphStatuses } from '../paragraphStatus/useParagraphStatuses.js'
import './compilation.css'

/**
 * The compilation text: each paragraph of the live text followed by the amendments still open on it and who stands
 * where, as its DOCX and PDF print it. Decided ones are left out: an accepted one is already in the text, and every
 * decision stays in the amendments panel and the audit log.
 */
export function CompilationPage({ name, onBack }: { name: string; onBack: () => void }) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle('Compilation', access?.title)
  useEffect(() => {
    callApi(`/declarations/${name}`, DeclarationAccess).then(setAccess, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }, [name])
  return (
    <div className="compilation">
      <h1>Compilation{access ? `: ${access.title}` : ''}</h1>
      <BackLink name={name} onBack={onBack} />
      <p>
        <a href={`/api/declarations/${name}/compilation.docx`} download>
          Download as DOCX (each amendment a Word tracked change)
        </a>
      </p>
      <p><a href={`/api/declarations/${name}/compilation.pdf`} download>Download as PDF (insertions and deletions marked in words)</a></p>
      {error && <p role="alert">{error}</p>}
      {access ? <CompilationText access={access} /> : !error && <p role="status">Loading…</p>}
    </div>
  )
}

function CompilationText({ access }: { access: DeclarationAccess }) {
  const sync = useDeclarationSync(access.name, access.createdAt)
  return (
    sync && (
      <>
        <SilenceSection access={access} channel={sync.channel} />
        <ConnectedCompilation sync={sync} name={access.name} />
      </>
    )
  )
}

function ConnectedCompilation({ sync, name }: { sync: DeclarationSync; name: string }) {
  const paragraphs = useLiveParagraphs(sync.doc)
  const { amendments, error } = useAmendments(name, sync.channel)
  const brackets = frozenBrackets(sync.doc, useBrackets(name, sync.channel).items)
  const { statuses } = useParagraphStatuses(name, sync.channel)
  const labelOf = (clauseId: string) => paragraphs.find((paragraph) => paragraph.clauseId === clauseId)?.label ?? 'a removed paragraph'
  const on = (clauseId: string | null): AmendmentView[] => amendments.filter((amendment) => isOpen(amendment) && changeClauseId(amendment.change) === clauseId).sort((a, b) => a.number - b.number)
  if (!sync.ready) return <p role="status">Loading the text…</p>
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {paragraphs.map((paragraph) => (
        <section key={paragraph.clauseId ?? paragraph.label} className="compilation__paragraph" aria-labelledby={`compilation-${paragraph.label}`}>
          <h2 id={`compilation-${paragraph.label}`}>
            {paragraph.label} <StatusBadge status={(paragraph.clauseId && statuses.get(paragraph.clauseId)?.status) || 'open'} hideOpen />
          </h2>
          <p dir="auto">{printedParagraph(paragraph.text, brackets, paragraph.clauseId)}</p>
          {on(paragraph.clauseId).length > 0 && (
            <ul className="compilation__amendments" aria-label={`Amendments on ${paragraph.label}`}>
              {on(paragraph.clauseId).map((amendment) => (
                <li key={amendment.id} data-amendment={amendment.label}>
                  <p className="compilation__line" dir="auto">
                    {amendment.label}, {stanceSummary(amendment)}: {describeChange(amendment.change, labelOf)}
                    {amendment.status !== 'pending' && ` (${statusLabel[amendment.status]})`}
                  </p>
                  <ChangeText change={amendment.change} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  )
}
