import { ColorSpace, contrastWCAG21, deltaE2000, inGamut, Lab, OKLCH, parse, serialize, sRGB, sRGB_Linear, to, XYZ_D50, XYZ_D65 } from 'colorjs.io/fn'

// The tree-shakable API needs each space on the way from sRGB to CIELAB registered once.
for (const space of [XYZ_D65, XYZ_D50, sRGB_Linear, sRGB, Lab, OKLCH]) ColorSpace.register(space)

/** Below this CIEDE2000 distance two delegation colours read as the same at a glance (a caret, a swatch). */
export const MIN_COLOR_DISTANCE = 20

/** WCAG 2.1 contrast a colour needs against white: carets carry white names on it, and swatches sit on white. */
export const MIN_COLOR_CONTRAST = 4.5

/** A delegation as far as its colour is concerned. */
export interface ColoredDelegation {
  code: string
  name: string
  color: string
}

/** What is wrong with a colour, if anything. */
export type ColorProblem = { kind: 'low-contrast'; contrast: number } | { kind: 'too-close'; delegation: ColoredDelegation; distance: number }

/** The verdict on a colour: its problems (none means it is fine) and, if any, a distinct colour that passes. */
export interface ColorAdvice {
  problems: ColorProblem[]
  suggestion: string | null
}

const white = parse('#ffffff')

/** The WCAG 2.1 contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(color: string): number {
  return contrastWCAG21(parse(color), white)
}

/** The CIEDE2000 distance between two #rrggbb colours. */
export function colorDistance(a: string, b: string): number {
  return deltaE2000(parse(a), parse(b))
}

/** Why a colour is a poor choice beside these delegations: too little contrast, or too close to one of theirs. */
export function colorProblems(color: string, others: readonly ColoredDelegation[]): ColorProblem[] {
  const problems: ColorProblem[] = []
  const contrast = contrastWithWhite(color)
  if (contrast < MIN_COLOR_CONTRAST) problems.push({ kind: 'low-contrast', contrast })
  const near = others
    .map((delegation) => ({ kind: 'too-close' as const, delegation, distance: colorDistance(color, delegation.color) }))
    .filter((problem) => problem.distance < MIN_COLOR_DISTANCE)
    .sort((a, b) => a.distance - b.distance)
  return [...problems, ...near]
}

/** One sentence per problem; the numbers say how far off the colour is, so colour is never the only cue. */
export function colorProblemText(problem: ColorProblem): string {
  if (problem.kind === 'low-contrast') return `White names are hard to read on it: contrast ${problem.contrast.toFixed(1)}:1, needs ${MIN_COLOR_CONTRAST}:1.`
  return `It looks like the colour of ${problem.delegation.name} (${problem.delegation.color}): difference ${Math.round(problem.distance)}, needs ${MIN_COLOR_DISTANCE}.`
}

/** The verdict on a colour, with the passing colour nearest to it as the suggestion when it fails. */
export function adviseColor(color: string, others: readonly ColoredDelegation[]): ColorAdvice {
  const problems = colorProblems(color, others)
  return { problems, suggestion: problems.length === 0 ? null : suggestColor(color, others) }
}

/** The candidate colour nearest to the wish that passes beside these delegations; null if every candidate is taken. */
export function suggestColor(wish: string, others: readonly ColoredDelegation[]): string | null {
  const wished = parse(wish)
  const taken = others.map((delegation) => parse(delegation.color))
  let best: { hex: string; distance: number } | null = null
  for (const candidate of candidates) {
    if (taken.some((color) => deltaE2000(color, candidate.color) < MIN_COLOR_DISTANCE)) continue
    const distance = deltaE2000(wished, candidate.color)
    if (!best || distance < best.distance) best = { hex: candidate.hex, distance }
  }
  return best?.hex ?? null
}

/** Candidates spread evenly in OKLCH, inside sRGB, each with enough contrast against white. */
function spreadCandidates(): { hex: string; color: ReturnType<typeof parse> }[] {
  const grid: { hex: string; color: ReturnType<typeof parse> }[] = []
  for (const lightness of [0.3, 0.36, 0.42, 0.48, 0.54]) {
    for (const chroma of [0.05, 0.09, 0.13, 0.17, 0.21]) {
      for (let hue = 0; hue < 360; hue += 15) {
        const color = { space: OKLCH, coords: [lightness, chroma, hue] as [number, number, number], alpha: 1 }
        if (!inGamut(color, sRGB)) continue
        const hex = serialize(to(color, sRGB), { format: 'hex', collapse: false })
        if (contrastWithWhite(hex) >= MIN_COLOR_CONTRAST) grid.push({ hex, color: parse(hex) })
      }
    }
  }
  return grid
}

const candidates = spreadCandidates()
