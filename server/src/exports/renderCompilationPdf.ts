import PDFDocument from 'pdfkit'
import type { Language } from '../../../shared/i18n/languages.js'
import { translator } from '../i18n/serverI18n.js'
import type { CompilationBlock, TrackedPart } from './compilationBlocks.js'
import { writePdfParagraph, type PdfPiece } from './pdfParagraph.js'

/** Proposed words marked in words as well as in lines, so neither colour nor underlining alone carries them. */
function markedPiece(part: TrackedPart): PdfPiece {
  if (part.kind === 'insert') return { text: `[+ ${part.text} +]`, underline: true }
  if (part.kind === 'delete') return { text: `[− ${part.text} −]`, strike: true }
  return { text: part.text }
}

/** The compilation as an A4 PDF with the fonts and script runs of the version exports, labelled in `language`; insertions and deletions marked in words. */
export function renderCompilationPdf(title: string, blocks: readonly CompilationBlock[], language: Language): Promise<Buffer> {
  const { t } = translator('exports', language)
  const heading = t('compilation.title', { title })
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 72, right: 72 }, info: { Title: heading, Creator: 'Kelisim' } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  writePdfParagraph(doc, [{ text: heading, bold: true }], { size: 17, align: 'center' })
  writePdfParagraph(doc, [{ text: t('compilation.legend') }], { size: 9 })
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        writePdfParagraph(doc, [{ text: `${block.label}  `, bold: true }, { text: block.text }])
        break
      case 'amendment':
        writePdfParagraph(doc, [{ text: block.text }], { italic: true, indent: 18, size: 10 })
        break
      case 'tracked':
        writePdfParagraph(doc, [{ text: `${block.heading}, ${block.author}:  `, bold: true }, ...block.parts.map(markedPiece)], { indent: 18, size: 10 })
        break
    }
  }
  doc.end()
  return done
}
