import PDFDocument from 'pdfkit'
import type { CanonicalBlock, CanonicalInline } from '../../../shared/versions/canonicalText.js'
import { paragraphMarks } from '../../../shared/brackets/printedBrackets.js'
import { baseDirection, bidiLines, type DrawnRun } from './bidiLines.js'
import { auditHeadLine, exportLabels, inlineRuns, printedLabel, signatureCountLine, signatureDetail, verificationNote, versionLine, type ExportData } from './exportData.js'
import { fontFile } from './fontFiles.js'
import { writePdfParagraph, type PdfPiece, type PdfStyle } from './pdfParagraph.js'

const LINE_GAP = 2

// fontkit takes features as on/off switches too (pdfkit passes them through, and fontkit fills the object in, so each
// run gets its own). Any features make pdfkit lay a run out whole rather than word by word, so fontkit reverses an
// Arabic run as one; without decomposition (ccmp) every glyph keeps the letter it stands for, so extraction reads it.
const wholeRunShaping = () => ({ ccmp: false }) as unknown as PDFKit.Mixins.OpenTypeFeatures[]

/** Renders a version as a print-quality A4 PDF, with embedded Noto fonts for Latin, Cyrillic, CJK and Arabic; labels in the export's language. */
export function renderPdf(data: ExportData): Promise<Buffer> {
  const labels = exportLabels(data.language)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
    bufferPages: true,
    info: { Title: data.text.title, Subject: `${data.version.name} — SHA-256 ${data.version.sha256}`, Creator: 'Kelisim' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const paragraph = (pieces: PdfPiece[], style: PdfStyle = {}) => writePdfParagraph(doc, pieces, style)

  /** Writes a paragraph of the declaration: lines broken here, each ordered by the bidirectional algorithm and set from the margin its direction starts at. */
  const textParagraph = (lead: PdfPiece[], content: CanonicalInline[], style: PdfStyle = {}, marks?: ReturnType<typeof paragraphMarks>) => {
    const words = inlineRuns(content, data.language, marks)
    const direction = baseDirection(words.map((run) => run.text).join(''))
    const size = style.size ?? 11
    const left = doc.page.margins.left + (direction === 'ltr' ? (style.indent ?? 0) : 0)
    const right = doc.page.width - doc.page.margins.right - (direction === 'rtl' ? (style.indent ?? 0) : 0)
    const setFont = (run: Pick<DrawnRun, 'family' | 'bold' | 'italic'>) => doc.font(fontFile(run.family, run.bold, run.italic)).fontSize(size)
    const measure = (run: DrawnRun) => setFont(run).widthOfString(run.text, { features: wholeRunShaping() })
    const styled = [...lead, ...words].map((piece) => ({ text: piece.text, bold: piece.bold ?? style.bold ?? false, italic: piece.italic ?? style.italic ?? false }))
    for (const line of bidiLines(styled, direction, right - left, measure)) {
      const fonts = line.length > 0 ? line : [{ family: 'latin' as const, bold: false, italic: false }]
      const height = Math.max(...fonts.map((run) => setFont(run).currentLineHeight(true))) + LINE_GAP
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
      const top = doc.y
      let x = direction === 'rtl' ? right - line.reduce((sum, run) => sum + measure(run), 0) : left
      const placed = line.map((run) => {
        const at = x
        x += measure(run)
        return { run, at }
      })
      // Placed in bidirectional order, written in the order the words were typed, so copying and extraction read logically.
      for (const { run, at } of placed.sort((a, b) => a.run.start - b.run.start)) setFont(run).text(run.text, at, top, { lineBreak: false, features: wholeRunShaping() })
      doc.y = top + height
    }
    doc.x = doc.page.margins.left
    doc.moveDown(0.6)
  }

  const block = (node: CanonicalBlock, depth = 0): void => {
    if (node.type === 'clause') textParagraph([{ text: `${printedLabel(data, node)}  `, bold: true }], node.content, {}, data.negotiation && paragraphMarks(data.negotiation, node.id))
    else if (node.type === 'heading') textParagraph([], node.content, { bold: true, size: 13 })
    else
      node.items.forEach((item, index) => {
        textParagraph([{ text: `${' '.repeat(depth * 4)}${node.ordered ? `(${String.fromCharCode(97 + (index % 26))})` : '•'} ` }], item.content, { indent: 18 })
        item.lists.forEach((nested) => block(nested, depth + 1))
      })
  }

  paragraph([{ text: data.text.title, bold: true }], { size: 17, align: 'center' })
  paragraph([{ text: versionLine(data) }], { size: 10, align: 'center' })
  paragraph([{ text: labels.t('canonicalHash', { sha256: data.version.sha256 }) }], { size: 8, align: 'center' })
  for (const node of data.text.blocks) block(node)

  doc.addPage()
  paragraph([{ text: labels.t('signatures'), bold: true }], { size: 15 })
  paragraph([{ text: signatureCountLine(data) }])
  for (const delegation of data.signatures.delegations) paragraph([{ text: `${delegation.name}: `, bold: true }, { text: signatureDetail(data, delegation) }])
  paragraph([{ text: auditHeadLine(data) }], { size: 9 })
  paragraph([{ text: labels.t('howToVerify'), bold: true }], { size: 13 })
  paragraph([{ text: verificationNote(data) }], { size: 10 })

  const range = doc.bufferedPageRange()
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index)
    const bottom = doc.page.margins.bottom
    // The footer sits in the bottom margin; lifting the margin keeps pdfkit from starting a new page for it.
    doc.page.margins.bottom = 0
    doc.font(fontFile('latin', false, false)).fontSize(8)
    doc.text(labels.t('pageFooter', { page: index + 1, pages: range.count, sha256: data.version.sha256 }), 72, doc.page.height - 40, { align: 'center', width: doc.page.width - 144 })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
