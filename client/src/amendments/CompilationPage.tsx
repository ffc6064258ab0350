import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { useCallback, useEffect, useState } from 'react'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { BackLink } from '../navigation/BackLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { SilenceSection } from '../silence/SilenceSection.js'
import { useDeclarationSync, type DeclarationSync } from '../sync/useDeclarationSync.js'
import { statusLabel } from './AmendmentCard.js'
import { ChangeText } from './ChangeText.js'
import { changeClauseId, describeChange } from '../../../shared/negotiation/describeChange.js'
import { stanceSummary } from '../../../shared/negotiation/stanceSummary.js'
import { useAmendments } from './useAmendments.js'
import { useBrackets } from '../brackets/useBrackets.js'
import { frozenBrackets } from '../../../shared/brackets/frozenBrackets.js'
import { printedParagraph } from '../../../shared/brackets/printedBrackets.js'
import './compilation.css'

/** The compilation text: each paragraph of the live text followed by every amendment made on it and who stands where. */
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

interface Paragraph {
  clauseId: string | null
  label: string
  text: string
}

/** The live text's paragraphs, read again whenever it changes. */
function useParagraphs(sync: DeclarationSync): Paragraph[] {
  const read = useCallback(() => labelClauses(yXmlFragmentToProseMirrorRootNode(sync.doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema)).map((clause) => ({ clauseId: clause.id, label: clause.label, text: clause.node.textContent })), [sync.doc])
  const [paragraphs, setParagraphs] = useState(read)
  useEffect(() => {
    const handleUpdate = () => setParagraphs(read())
    sync.doc.on('update', handleUpdate)
    handleUpdate()
    return () => sync.doc.off('update', handleUpdate)
  }, [sync.doc, read])
  return paragraphs
}

function ConnectedCompilation({ sync, name }: { sync: DeclarationSync; name: string }) {
  const paragraphs = useParagraphs(sync)
  const { amendments, error } = useAmendments(name, sync.channel)
  const brackets = frozenBrackets(sync.doc, useBrackets(name, sync.channel).items)
  const labelOf = (clauseId: string) => paragraphs.find((paragraph) => paragraph.clauseId === clauseId)?.label ?? 'a removed paragraph'
  const on = (clauseId: string | null): AmendmentView[] => amendments.filter((amendment) => amendment.status !== 'withdrawn' && changeClauseId(amendment.change) === clauseId).sort((a, b) => a.number - b.number)
  if (!sync.ready) return <p role="status">Loading the text…</p>
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {paragraphs.map((paragraph) => (
        <section key={paragraph.clauseId ?? paragraph.label} className="compilation__paragraph" aria-labelledby={`compilation-${paragraph.label}`}>
          <h2 id={`compilation-${paragraph.label}`}>{paragraph.label}</h2>
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
