import type { CanonicalText } from '../versions/canonicalText.js'
import type { OptionText } from './describeBracket.js'
import { paragraphMarks, printBrackets } from './printedBrackets.js'

/**
 * A form 2 text with its brackets and alternatives written into each paragraph as literal `[` `]` (alternatives in
 * place of their words), so a comparison of two texts shows brackets placed and lifted. Offsets skip notes, as frozen.
 */
export function withBracketsPrinted(text: CanonicalText, optionText?: OptionText): CanonicalText {
  const negotiation = text.negotiation
  if (!negotiation || (negotiation.brackets.length === 0 && negotiation.alternatives.length === 0)) return text
  const blocks = text.blocks.map((block) => {
    if (block.type !== 'clause') return block
    const marks = paragraphMarks(negotiation, block.id)
    if (marks.brackets.length === 0 && marks.alternatives.length === 0) return block
    const content = printBrackets(block.content, marks.brackets, marks.alternatives, (run) => ('text' in run ? run.text : null), (run, part) => ({ ...run, text: part }), (mark) => ({ text: mark, marks: [] }), optionText)
    return { ...block, content }
  })
  return { ...text, blocks }
}
