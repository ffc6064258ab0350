import type { BracketItem } from './bracketSchemas.js'

/** What a screen reader hears at an opening bracket: "bracket opened, requested by KAZ, POL". */
export function openingName(item: BracketItem): string {
  return item.kind === 'bracket' ? `bracket opened, requested by ${item.requestedBy.join(', ')}` : `alternatives opened, ${item.options.length} formulations`
}

/** What a screen reader hears at a closing bracket. */
export function closingName(item: BracketItem): string {
  return item.kind === 'bracket' ? `bracket closed, requested by ${item.requestedBy.join(', ')}` : 'alternatives closed'
}

/** One formulation as printed, numbered from 1. */
export type OptionText = (option: { text: string; proposedBy: readonly string[] }, number: number) => string

/** "Alt 2: should (USA, POL)": a formulation in English. */
export const englishOptionText: OptionText = (option, number) => `Alt ${number}: ${option.text} (${option.proposedBy.join(', ')})`

/** The formulations of a set of alternatives in a line: "Alt 1: shall (KAZ) / Alt 2: should (USA)"; `optionText` words each one. */
export function optionsLine(options: readonly { text: string; proposedBy: readonly string[] }[], optionText: OptionText = englishOptionText): string {
  return options.map((option, index) => optionText(option, index + 1)).join(' / ')
}
