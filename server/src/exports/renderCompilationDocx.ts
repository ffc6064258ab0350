import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx'
import type { Language } from '../../../shared/i18n/languages.js'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { translator } from '../i18n/serverI18n.js'
import { baseDirection } from './bidiLines.js'
import { changeMessages, stanceMessages } from './compilationLabels.js'

/** A paragraph of the live text, with each open word amendment on it placed in its words (null when it needs an update). */
export interface CompilationParagraph {
  clauseId: string | null
  label: string
  text: string
  amendments: { amendment: AmendmentView; spans: { from: number; to: number; inserted: string }[] | null }[]
}

/** The paragraph with one amendment as Word tracked changes by the proposing delegation; `nextId` gives small revision ids. */
function trackedCopy(paragraph: CompilationParagraph, amendment: AmendmentView, spans: { from: number; to: number; inserted: string }[], nextId: () => number): Paragraph {
  const author = amendment.proposedBy.delegation.name
  const date = amendment.proposedAt
  const children: (TextRun | InsertedTextRun | DeletedTextRun)[] = [new TextRun({ text: `${paragraph.label} (${amendment.label})\t`, bold: true })]
  let at = 0
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    if (span.from > at) children.push(new TextRun(paragraph.text.slice(at, span.from)))
    if (span.to > span.from) children.push(new DeletedTextRun({ id: nextId(), author, date, text: paragraph.text.slice(span.from, span.to) }))
    if (span.inserted) children.push(new InsertedTextRun({ id: nextId(), author, date, text: span.inserted }))
    at = span.to
  }
  if (at < paragraph.text.length) children.push(new TextRun(paragraph.text.slice(at)))
  return new Paragraph({ children, indent: { left: 720 }, spacing: { after: 120 }, bidirectional: baseDirection(paragraph.text) === 'rtl' })
}

/** The compilation as DOCX, labelled in `language`: each paragraph, then each amendment in words and, for word changes, a copy of the paragraph with it as tracked changes. */
export function renderCompilationDocx(title: string, paragraphs: CompilationParagraph[], language: Language): Promise<Buffer> {
  const { t } = translator('exports', language)
  let revision = 0
  const nextId = () => (revision += 1)
  const labelOf = (clauseId: string) => paragraphs.find((paragraph) => paragraph.clauseId === clauseId)?.label ?? t('compilation.removedParagraph')
  const amendmentLine = (amendment: AmendmentView) => {
    const { proposal, others } = stanceMessages(amendment)
    const stances = [proposal.map((message) => t(message.key, message.values)).join(', '), ...others.map((message) => t(message.key, message.values))].join('; ')
    const change = changeMessages(amendment.change, labelOf).map((message) => t(message.key, message.values)).join('; ')
    return t('compilation.amendment', { label: amendment.label, stances, change })
  }
  const body = paragraphs.flatMap((paragraph) => [
    new Paragraph({ children: [new TextRun({ text: `${paragraph.label}\t`, bold: true }), new TextRun(paragraph.text)], spacing: { before: 240, after: 120 }, bidirectional: baseDirection(paragraph.text) === 'rtl' }),
    ...paragraph.amendments.flatMap(({ amendment, spans }) => [
      new Paragraph({ children: [new TextRun({ text: amendmentLine(amendment), italics: true })], indent: { left: 720 } }),
      ...(spans ? [trackedCopy(paragraph, amendment, spans, nextId)] : []),
    ]),
  ])
  const document = new Document({ sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('compilation.title', { title }))] }), ...body] }] })
  return Packer.toBuffer(document)
}
