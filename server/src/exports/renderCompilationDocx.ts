import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx'
import type { Language } from '../../../shared/i18n/languages.js'
import { translator } from '../i18n/serverI18n.js'
import { baseDirection } from './bidiLines.js'
import type { CompilationBlock } from './compilationBlocks.js'

type Tracked = Extract<CompilationBlock, { kind: 'tracked' }>

/** One amendment as Word tracked changes by the proposing delegation; `nextId` gives small revision ids. */
function trackedParagraph(block: Tracked, nextId: () => number): Paragraph {
  const { author, date } = block
  const children = [
    new TextRun({ text: `${block.heading}\t`, bold: true }),
    ...block.parts.map((part) => {
      if (part.kind === 'insert') return new InsertedTextRun({ id: nextId(), author, date, text: part.text })
      if (part.kind === 'delete') return new DeletedTextRun({ id: nextId(), author, date, text: part.text })
      return new TextRun(part.text)
    }),
  ]
  // A paragraph inserted or deleted as a whole has its paragraph mark tracked too, so Word adds or removes the paragraph.
  const revision = () => ({ id: nextId(), author, date })
  const mark = block.mark === 'inserted' ? { run: { insertion: revision() } } : block.mark === 'deleted' ? { run: { deletion: revision() } } : {}
  const words = block.parts.map((part) => part.text).join('')
  return new Paragraph({ children, indent: { left: 720 }, spacing: { after: 120 }, bidirectional: baseDirection(words) === 'rtl', ...mark })
}

/** The compilation as DOCX, titled in `language`: each paragraph, then each amendment in words and as a copy of its paragraph with Word tracked changes. */
export function renderCompilationDocx(title: string, blocks: readonly CompilationBlock[], language: Language): Promise<Buffer> {
  const { t } = translator('exports', language)
  let revision = 0
  const nextId = () => (revision += 1)
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return new Paragraph({ children: [new TextRun({ text: `${block.label}\t`, bold: true }), new TextRun(block.text)], spacing: { before: 240, after: 120 }, bidirectional: baseDirection(block.text) === 'rtl' })
      case 'amendment':
        return new Paragraph({ children: [new TextRun({ text: block.text, italics: true })], indent: { left: 720 } })
      case 'tracked':
        return trackedParagraph(block, nextId)
    }
  })
  const document = new Document({ sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('compilation.title', { title }))] }), ...body] }] })
  return Packer.toBuffer(document)
}
