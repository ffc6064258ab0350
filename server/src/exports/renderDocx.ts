import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { CanonicalBlock, CanonicalInline } from '../../../shared/versions/canonicalText.js'
import { paragraphMarks } from '../../../shared/brackets/printedBrackets.js'
import { baseDirection } from './bidiLines.js'
import { auditHeadLine, exportLabels, inlineRuns, printedLabel, signatureCountLine, signatureDetail, verificationNote, versionLine, type ExportData } from './exportData.js'
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

/** A paragraph of the declaration's words (its brackets printed in), marked right to left when its own words start that way. */
function textParagraph(lead: { text: string; bold?: boolean }[], words: ReturnType<typeof inlineRuns>, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: { left: number }; spacing?: { after: number } } = {}): Paragraph {
  return new Paragraph({ ...options, bidirectional: baseDirection(words.map((run) => run.text).join('')) === 'rtl', children: runs([...lead, ...words]) })
}

function blocks(data: ExportData, node: CanonicalBlock, depth = 0): Paragraph[] {
  const { language, negotiation } = data
  const words = (content: CanonicalInline[], id?: string | null) => inlineRuns(content, language, negotiation && id !== undefined ? paragraphMarks(negotiation, id) : undefined)
  if (node.type === 'clause') return [textParagraph([{ text: `${printedLabel(data, node)}\t`, bold: true }], words(node.content, node.id), { spacing: { after: 160 } })]
  if (node.type === 'heading') return [textParagraph([], words(node.content), { heading: HeadingLevel.HEADING_2 })]
  return node.items.flatMap((item, index) => [
    textParagraph([{ text: `${node.ordered ? `(${String.fromCharCode(97 + (index % 26))})` : '•'} ` }], words(item.content), { indent: { left: 720 * (depth + 1) } }),
    ...item.lists.flatMap((nested) => blocks(data, nested, depth + 1)),
  ])
}

/** Renders a version as a DOCX document with its signatures and how to verify it; labels in the export's language. */
export function renderDocx(data: ExportData): Promise<Buffer> {
  const labels = exportLabels(data.language)
  const signatureLines = data.signatures.delegations.map(
    (delegation) => new Paragraph({ children: runs([{ text: `${delegation.name}: `, bold: true }, { text: signatureDetail(data, delegation) }]) }),
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
          new Paragraph({ alignment: AlignmentType.CENTER, children: runs([{ text: labels.t('canonicalHash', { sha256: data.version.sha256 }) }]) }),
          ...data.text.blocks.flatMap((node) => blocks(data, node)),
        ],
      },
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs([{ text: labels.t('signatures') }]) }),
          new Paragraph({ children: runs([{ text: signatureCountLine(data) }]) }),
          ...signatureLines,
          new Paragraph({ children: runs([{ text: auditHeadLine(data) }]) }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs([{ text: labels.t('howToVerify') }]) }),
          new Paragraph({ children: runs([{ text: verificationNote(data) }]) }),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
