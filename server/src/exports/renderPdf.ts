import PDFDocument from 'pdfkit'
import type { CanonicalBlock } from '../../../shared/versions/canonicalText.js'
import { signatureCount } from '../../../shared/signatures/signatureCount.js'
import { paragraphMarks } from '../../../shared/brackets/printedBrackets.js'
import { auditHeadLine, inlineRuns, printedLabel, signatureDetail, verificationNote, versionLine, type ExportData } from './exportData.js'
import { fontFile } from './fontFiles.js'
import { writePdfParagraph, type PdfPiece, type PdfStyle } from './pdfParagraph.js'

/** Renders a version as a print-quality A4 PDF, with embedded Noto fonts for Latin, Cyrillic, CJK and Arabic. */
export function renderPdf(data: ExportData): Promise<Buffer> {
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

  const block = (node: CanonicalBlock, depth = 0): void => {
    if (node.type === 'clause') paragraph([{ text: `${printedLabel(data, node)}  `, bold: true }, ...inlineRuns(node.content, data.negotiation && paragraphMarks(data.negotiation, node.id))])
    else if (node.type === 'heading') paragraph(inlineRuns(node.content), { bold: true, size: 13 })
    else
      node.items.forEach((item, index) => {
        paragraph([{ text: `${' '.repeat(depth * 4)}${node.ordered ? `(${String.fromCharCode(97 + (index % 26))})` : '•'} ` }, ...inlineRuns(item.content)], { indent: 18 })
        item.lists.forEach((nested) => block(nested, depth + 1))
      })
  }

  paragraph([{ text: data.text.title, bold: true }], { size: 17, align: 'center' })
  paragraph([{ text: versionLine(data) }], { size: 10, align: 'center' })
  paragraph([{ text: `SHA-256 of the canonical text: ${data.version.sha256}` }], { size: 8, align: 'center' })
  for (const node of data.text.blocks) block(node)

  doc.addPage()
  paragraph([{ text: 'Signatures', bold: true }], { size: 15 })
  paragraph([{ text: signatureCount(data.signatures) }])
  for (const delegation of data.signatures.delegations) paragraph([{ text: `${delegation.name}: `, bold: true }, { text: signatureDetail(delegation) }])
  paragraph([{ text: auditHeadLine(data) }], { size: 9 })
  paragraph([{ text: 'How to verify', bold: true }], { size: 13 })
  paragraph([{ text: verificationNote(data) }], { size: 10 })

  const range = doc.bufferedPageRange()
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index)
    const bottom = doc.page.margins.bottom
    // The footer sits in the bottom margin; lifting the margin keeps pdfkit from starting a new page for it.
    doc.page.margins.bottom = 0
    doc.font(fontFile('latin', false, false)).fontSize(8)
    doc.text(`Page ${index + 1} of ${range.count} · SHA-256 ${data.version.sha256}`, 72, doc.page.height - 40, { align: 'center', width: doc.page.width - 144 })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
