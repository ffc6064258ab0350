import { fontFile } from './fontFiles.js'
import { scriptRuns } from './scriptRuns.js'

/** A piece of a PDF paragraph and how it is drawn. */
export interface PdfPiece {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
}

/** How a whole PDF paragraph is set. */
export type PdfStyle = { bold?: boolean; italic?: boolean; size?: number; indent?: number; align?: 'left' | 'center' }

/** Writes pieces of text as one paragraph, switching fonts wherever the script changes (Noto for Latin and Cyrillic, CJK, Arabic). */
export function writePdfParagraph(doc: PDFKit.PDFDocument, pieces: readonly PdfPiece[], style: PdfStyle = {}): void {
  const runs = pieces.flatMap((piece) =>
    scriptRuns(piece.text).map((run) => ({ ...run, bold: piece.bold ?? style.bold ?? false, italic: piece.italic ?? style.italic ?? false, underline: piece.underline ?? false, strike: piece.strike ?? false })),
  )
  if (runs.length === 0) runs.push({ family: 'latin', text: ' ', bold: false, italic: false, underline: false, strike: false })
  runs.forEach((run, index) => {
    doc.font(fontFile(run.family, run.bold, run.italic)).fontSize(style.size ?? 11)
    doc.text(run.text, { continued: index < runs.length - 1, indent: index === 0 ? (style.indent ?? 0) : 0, align: style.align ?? 'left', lineGap: 2, underline: run.underline, strike: run.strike })
  })
  doc.moveDown(0.6)
}
