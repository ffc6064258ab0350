import type { BracketItem } from './bracketSchemas.js'

/** What a screen reader hears at an opening bracket: "bracket opened, requested by KAZ, POL". */
export function openingName(item: BracketItem): string {
  return item.kind === 'bracket' ? `bracket opened, requested by ${item.requestedBy.join(', ')}` : `alternatives opened, ${item.options.length} formulations`
}

/** What a screen reader hears at a closing bracket. */
export function closingName(item: BracketItem): string {
  return item.kind === 'bracket' ? `bracket closed, requested by ${item.requestedBy.join(', ')}` : 'alternatives closed'
}

/** The formulations of a set of alternatives in a line: "Alt 1: shall (KAZ) / Alt 2: should (USA)". */
export function optionsLine(options: readonly { text: string; proposedBy: readonly string[] }[]): string {
  return options.map((option, index) => `Alt ${index + 1}: ${option.text} (${option.proposedBy.join(', ')})`).join(' / ')
}
