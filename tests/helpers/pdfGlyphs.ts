import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** One glyph drawn on a PDF page: the text it stands for, where it starts and how wide it is (points from the left edge), and its baseline. */
export interface PlacedGlyph {
  text: string
  x: number
  y: number
  width: number
}

interface PdfGlyph {
  unicode: string
  width: number
}

/** The glyphs of a page in the order they are drawn, with their x positions, read from its operator list. */
export async function pdfGlyphs(bytes: Uint8Array, pageNumber = 1): Promise<PlacedGlyph[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise
  const { fnArray, argsArray } = await (await pdf.getPage(pageNumber)).getOperatorList()
  const glyphs: PlacedGlyph[] = []
  let size = 0
  let lineX = 0
  let x = 0
  let y = 0
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[]
    if (fn === OPS.setFont) size = Number(args[1])
    else if (fn === OPS.setTextMatrix) {
      const matrix = (args.length === 1 ? args[0] : args) as number[]
      x = lineX = Number(matrix[4])
      y = Number(matrix[5])
    } else if (fn === OPS.moveText) {
      x = lineX += Number(args[0])
      y += Number(args[1])
    }
    else if (fn === OPS.showText) {
      // Numbers in the run are TJ adjustments, in thousandths of the font size, subtracted from the advance.
      for (const glyph of args[0] as (PdfGlyph | number)[]) {
        if (typeof glyph === 'number') x -= (glyph * size) / 1000
        else {
          glyphs.push({ text: glyph.unicode, x, y, width: (glyph.width * size) / 1000 })
          x += (glyph.width * size) / 1000
        }
      }
    }
  })
  return glyphs
}
