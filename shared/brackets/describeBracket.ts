/** One formulation as printed, numbered from 1. */
export type OptionText = (option: { text: string; proposedBy: readonly string[] }, number: number) => string

/** "Alt 2: should (USA, POL)": a formulation in English. */
export const englishOptionText: OptionText = (option, number) => `Alt ${number}: ${option.text} (${option.proposedBy.join(', ')})`

/** The formulations of a set of alternatives in a line: "Alt 1: shall (KAZ) / Alt 2: should (USA)"; `optionText` words each one. */
export function optionsLine(options: readonly { text: string; proposedBy: readonly string[] }[], optionText: OptionText = englishOptionText): string {
  return options.map((option, index) => optionText(option, index + 1)).join(' / ')
}
