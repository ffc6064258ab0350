import bidiFactory from 'bidi-js'
import LineBreaker from 'linebreak'
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
  // bidi-js gives the order of the whole text, with only this line's range reordered.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end)
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

/** Breaks a paragraph into lines no wider than `width` where Unicode allows (UAX #14, so also inside Chinese) and lays each out in `direction` as runs in the order they stand from left to right. */
export function bidiLines(pieces: StyledPiece[], direction: 'ltr' | 'rtl', width: number, measure: (run: DrawnRun) => number): DrawnRun[][] {
  const text = pieces.map((piece) => piece.text).join('')
  const owners: StyledPiece[] = pieces.flatMap((piece) => Array.from({ length: piece.text.length }, () => piece))
  const styleAt = (index: number) => owners[index]!
  const levels = bidi.getEmbeddingLevels(text, direction)
  // A line ends before its trailing spaces and line break, which take no room at its end.
  const visibleEnd = (start: number, end: number) => start + text.slice(start, end).trimEnd().length
  const widthOf = (start: number, end: number) => lineRuns(text, levels, styleAt, start, visibleEnd(start, end)).reduce((sum, run) => sum + measure(run), 0)
  const lines: DrawnRun[][] = []
  const close = (start: number, end: number) => lines.push(visibleEnd(start, end) > start ? lineRuns(text, levels, styleAt, start, visibleEnd(start, end)) : [])
  const breaker = new LineBreaker(text)
  let start = 0
  let fits = start
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (fits > start && widthOf(start, next.position) > width) {
      close(start, fits)
      start = fits
    }
    if (next.required && next.position < text.length) {
      close(start, next.position)
      start = next.position
    }
    fits = next.position
  }
  if (visibleEnd(start, text.length) > start) close(start, text.length)
  return lines
}
