/** The `linebreak` package (UAX #14 line breaking, the one pdfkit uses), which ships no types. */
declare module 'linebreak' {
  /** Walks the places a line may (or must) end in a text. */
  export default class LineBreaker {
    constructor(text: string)
    /** The next place a line may end: before the code unit at `position`; `required` after a hard line break. */
    nextBreak(): { position: number; required: boolean } | null
  }
}
