import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { BackLink } from '../navigation/BackLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { SilenceSection } from '../silence/SilenceSection.js'
import { useDeclarationSync, type DeclarationSync } from '../sync/useDeclarationSync.js'
import { ChangeText } from './ChangeText.js'
import { isOpen } from '../../../shared/negotiation/amendmentRules.js'
import { changeClauseId } from '../../../shared/negotiation/describeChange.js'
import { useChangeWords } from './useChangeWords.js'
import { useAmendments } from './useAmendments.js'
import { optionText } from '../brackets/bracketWords.js'
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
  const { t } = useTranslation()
  useDocumentTitle(t('compilationView.documentTitle'), access?.title)
  useEffect(() => {
    callApi(`/declarations/${name}`, DeclarationAccess).then(setAccess, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }, [name])
  return (
    <div className="compilation">
      <h1>{access ? <Trans i18nKey="compilationView.headingOf" values={{ title: access.title }} components={{ title: <span dir="auto" /> }} /> : t('compilationView.heading')}</h1>
      <BackLink name={name} onBack={onBack} />
      <p>
        <a href={`/api/declarations/${name}/compilation.docx`} download>
          {t('compilationView.downloadDocx')}
        </a>
      </p>
      <p><a href={`/api/declarations/${name}/compilation.pdf`} download>{t('compilationView.downloadPdf')}</a></p>
      {error && <p role="alert">{error}</p>}
      {access ? <CompilationText access={access} /> : !error && <p role="status">{t('compilationView.loading')}</p>}
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
  const say = useChangeWords()
  const { t } = say
  const labelOf = (clauseId: string) => say.labelOr(paragraphs.find((paragraph) => paragraph.clauseId === clauseId)?.label)
  const on = (clauseId: string | null): AmendmentView[] => amendments.filter((amendment) => isOpen(amendment) && changeClauseId(amendment.change) === clauseId).sort((a, b) => a.number - b.number)
  if (!sync.ready) return <p role="status">{t('compilationView.loadingText')}</p>
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {paragraphs.map((paragraph) => (
        <section key={paragraph.clauseId ?? paragraph.label} className="compilation__paragraph" aria-labelledby={`compilation-${paragraph.label}`}>
          <h2 id={`compilation-${paragraph.label}`}>
            {paragraph.label} <StatusBadge status={(paragraph.clauseId && statuses.get(paragraph.clauseId)?.status) || 'open'} hideOpen />
          </h2>
          <p dir="auto">{printedParagraph(paragraph.text, brackets, paragraph.clauseId, optionText(t))}</p>
          {on(paragraph.clauseId).length > 0 && (
            <ul className="compilation__amendments" aria-label={t('compilationView.amendmentsOn', { label: paragraph.label })}>
              {on(paragraph.clauseId).map((amendment) => (
                <li key={amendment.id} data-amendment={amendment.label}>
                  <p className="compilation__line" dir="auto">
                    {amendment.status === 'pending'
                      ? t('compilationView.line', { label: amendment.label, stances: say.stances(amendment), change: say.change(amendment.change, labelOf) })
                      : t('compilationView.lineWithStatus', { label: amendment.label, stances: say.stances(amendment), change: say.change(amendment.change, labelOf), status: say.status(amendment.status) })}
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
