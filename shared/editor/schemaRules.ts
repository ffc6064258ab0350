import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model'
import { clauseIdPattern } from './clauseId.js'
import { ClauseKind } from './clauseKind.js'
import { declarationExtensions, declarationSchema } from './declarationExtensions.js'

/** What one node type may hold, as the Yjs binding stores it: child elements, text, attributes, marks. */
export interface NodeRule {
  readonly type: NodeType
  /** Names of the node types that may appear among its children ('text' for a Y.XmlText). */
  readonly children: ReadonlySet<string>
  /** Its attributes, each with the test its stored value must pass. */
  readonly attributes: ReadonlyMap<string, (value: unknown) => boolean>
  /** Marks its text may carry. */
  readonly marks: ReadonlySet<string>
}

/** Longest footnote text kept as an attribute; longer notes belong in the text. */
export const MAX_FOOTNOTE_LENGTH = 4000

const headingLevels: readonly unknown[] = (() => {
  const heading = declarationExtensions().find((extension) => extension.name === 'heading')
  const levels: unknown = (heading?.options as { levels?: unknown } | undefined)?.levels
  return Array.isArray(levels) ? levels : []
})()

/**
 * The values each attribute may hold. Names and places come from the schema; only what a value may be is said here,
 * and a test checks that every attribute of the schema has a rule.
 */
export const attributeValueRules: Record<string, Record<string, (value: unknown) => boolean>> = {
  clause: {
    id: (value) => typeof value === 'string' && clauseIdPattern.test(value),
    kind: (value) => ClauseKind.safeParse(value).success,
  },
  heading: { level: (value) => headingLevels.includes(value) },
  orderedList: {
    start: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < 1_000_000,
    type: (value) => value === null || (typeof value === 'string' && /^[1aAiI]$/.test(value)),
  },
  footnote: { text: (value) => typeof value === 'string' && value.length <= MAX_FOOTNOTE_LENGTH },
}

/** Every node type a content expression can reach, following its automaton from the start. */
function reachableTypes(start: ContentMatch): Set<string> {
  const names = new Set<string>()
  const seen = new Set<ContentMatch>([start])
  const queue = [start]
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let index = 0; index < match.edgeCount; index += 1) {
      const { type, next } = match.edge(index)
      names.add(type.name)
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return names
}

function ruleOf(type: NodeType, schema: Schema): NodeRule {
  const values = attributeValueRules[type.name] ?? {}
  const attributes = new Map<string, (value: unknown) => boolean>()
  for (const name of Object.keys(type.spec.attrs ?? {})) attributes.set(name, values[name] ?? (() => false))
  const marks = new Set(Object.values(schema.marks).filter((mark) => type.allowsMarkType(mark)).map((mark) => mark.name))
  return { type, children: reachableTypes(type.contentMatch), attributes, marks }
}

/** The rules of every node type of a schema, by name. */
export function schemaRules(schema: Schema): ReadonlyMap<string, NodeRule> {
  return new Map(Object.values(schema.nodes).map((type) => [type.name, ruleOf(type, schema)]))
}

/** The rules of the declaration schema. */
export const declarationRules = schemaRules(declarationSchema)

/** The rule of the top node, which the Yjs fragment itself stands for. */
export const documentRule = declarationRules.get(declarationSchema.topNodeType.name)!
