import bidiFactory from 'bidi-js'
import { scriptRuns, type ScriptFamily } from './scriptRuns.js'

const bidi = bidiFactory()

/** A piece of a paragraph in one style, in logical (typed) order. */
export interface StyledPiece {
  text: string
  bold: boolean
  italic: boolean
}

/** A run to draw with one font; `text` is what the font lays out, `start` where the run begins in the paragraph's logical text. */
export interface DrawnRun {
  text: string
  start: number
  family: ScriptFamily
  bold: boolean
  italic: boolean
}

/** Base direction of a paragraph's own text: its first strong character (Unicode bidi rules P2–P3), left to right when there is none. */
export function baseDirection(text: string): 'ltr' | 'rtl' {
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr'
}

// The font engine shapes Arabic in logical order and reverses it itself; anything else at a right-to-left level is reversed here.
const shapedRightToLeft = /\p{Script=Arabic}/u

/** Splits a run of one level and style (its logical text starts at `start`) into font runs ready for the font engine, in left-to-right order. */
function drawnRuns(text: string, start: number, rtl: boolean, style: StyledPiece): DrawnRun[] {
  let offset = start
  const runs = scriptRuns(text).map((run) => {
    const drawn = { text: rtl && !shapedRightToLeft.test(run.text) ? [...run.text].reverse().join('') : run.text, start: offset, family: run.family, bold: style.bold, italic: style.italic }
    offset += run.text.length
    return drawn
  })
  return rtl ? runs.reverse() : runs
}

/** The visual runs of the line `start`..`end` (exclusive): reordered by the Unicode Bidirectional Algorithm (bidi-js), mirrored where right to left. */
function lineRuns(text: string, levels: ReturnType<typeof bidi.getEmbeddingLevels>, styleAt: (index: number) => StyledPiece, start: number, end: number): DrawnRun[] {
  const order = bidi.getReorderedIndices(text, levels, start, end - 1)
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1)
  const runs: DrawnRun[] = []
  let group: number[] = []
  const flush = () => {
    if (group.length === 0) return
    const rtl = (levels.levels[group[0]!]! & 1) === 1
    const logical = [...group].sort((a, b) => a - b)
    runs.push(...drawnRuns(logical.map((index) => mirrored.get(index) ?? text[index]).join(''), logical[0]!, rtl, styleAt(group[0]!)))
    group = []
  }
  for (const index of order) {
    const previous = group.at(-1)
    const rtl = (levels.levels[index]! & 1) === 1
    const continues = previous !== undefined && index === previous + (rtl ? -1 : 1) && (levels.levels[previous]! & 1) === (rtl ? 1 : 0) && styleAt(previous) === styleAt(index)
    if (!continues) flush()
    group.push(index)
  }
  flush()
  return runs
}

/** Breaks a paragraph into lines no wider than `width` (at spaces) and lays each out in `direction` as runs in the order they stand from left to right. */
export function bidiLines(pieces: StyledPiece[], direction: 'ltr' | 'rtl', width: number, measure: (run: DrawnRun) => number): DrawnRun[][] {
  const text = pieces.map((piece) => piece.text).join('')
  const owners: StyledPiece[] = pieces.flatMap((piece) => Array.from({ length: piece.text.length }, () => piece))
  const styleAt = (index: number) => owners[index]!
  const levels = bidi.getEmbeddingLevels(text, direction)
  const widthOf = (start: number, end: number) => lineRuns(text, levels, styleAt, start, end).reduce((sum, run) => sum + measure(run), 0)
  const lines: DrawnRun[][] = []
  let start = 0
  let end = 0
  for (const word of text.matchAll(/\S+\s*|\s+/g)) {
    const wordEnd = word.index + word[0].length
    const visibleEnd = word.index + word[0].trimEnd().length
    if (end > start && widthOf(start, visibleEnd) > width) {
      lines.push(lineRuns(text, levels, styleAt, start, text.slice(start, end).trimEnd().length + start))
      start = word.index
    }
    end = wordEnd
  }
  const lastEnd = start + text.slice(start).trimEnd().length
  if (lastEnd > start) lines.push(lineRuns(text, levels, styleAt, start, lastEnd))
  return lines
}
