import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { CanonicalBlock } from '../../../shared/versions/canonicalText.js'
import { signatureCount } from '../../../shared/signatures/signatureCount.js'
import { paragraphMarks } from '../../../shared/brackets/printedBrackets.js'
import { auditHeadLine, inlineRuns, printedLabel, signatureDetail, verificationNote, versionLine, type ExportData } from './exportData.js'
import { scriptRuns } from './scriptRuns.js'

const FONTS = { latin: 'Noto Sans', cjk: 'Noto Sans SC', arabic: 'Noto Sans Arabic' }

/** Runs of text with the font each script needs; Arabic runs are marked right-to-left. */
function runs(pieces: { text: string; bold?: boolean; italic?: boolean }[]): TextRun[] {
  return pieces.flatMap((piece) =>
    scriptRuns(piece.text).map(
      (run) =>
        new TextRun({
          text: run.text,
          bold: piece.bold ?? false,
          italics: piece.italic ?? false,
          font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.cjk, cs: FONTS.arabic },
          rightToLeft: run.family === 'arabic',
        }),
    ),
  )
}

function blocks(data: ExportData, node: CanonicalBlock, depth = 0): Paragraph[] {
  if (node.type === 'clause') return [new Paragraph({ children: runs([{ text: `${printedLabel(data, node)}\t`, bold: true }, ...inlineRuns(node.content, data.negotiation && paragraphMarks(data.negotiation, node.id))]), spacing: { after: 160 } })]
  if (node.type === 'heading') return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(inlineRuns(node.content)) })]
  return node.items.flatMap((item, index) => [
    new Paragraph({ indent: { left: 720 * (depth + 1) }, children: runs([{ text: `${node.ordered ? `(${String.fromCharCode(97 + (index % 26))})` : '•'} ` }, ...inlineRuns(item.content)]) }),
    ...item.lists.flatMap((nested) => blocks(data, nested, depth + 1)),
  ])
}

/** Renders a version as a DOCX document with its signatures and how to verify it. */
export function renderDocx(data: ExportData): Promise<Buffer> {
  const signatureLines = data.signatures.delegations.map(
    (delegation) => new Paragraph({ children: runs([{ text: `${delegation.name}: `, bold: true }, { text: signatureDetail(delegation) }]) }),
  )
  const document = new Document({
    creator: 'Kelisim',
    title: data.text.title,
    description: `${data.version.name} — SHA-256 ${data.version.sha256}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs([{ text: data.text.title }]) }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: runs([{ text: versionLine(data) }]) }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: runs([{ text: `SHA-256 of the canonical text: ${data.version.sha256}` }]) }),
          ...data.text.blocks.flatMap((node) => blocks(data, node)),
        ],
      },
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs([{ text: 'Signatures' }]) }),
          new Paragraph({ children: runs([{ text: signatureCount(data.signatures) }]) }),
          ...signatureLines,
          new Paragraph({ children: runs([{ text: auditHeadLine(data) }]) }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs([{ text: 'How to verify' }]) }),
          new Paragraph({ children: runs([{ text: verificationNote(data) }]) }),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
