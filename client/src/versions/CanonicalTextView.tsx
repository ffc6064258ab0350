import type { CanonicalBlock, CanonicalInline, CanonicalText } from '../../../shared/versions/canonicalText.js'

function Inline({ run }: { run: CanonicalInline }) {
  if ('note' in run) return <sup className="version-note">[Note: {run.note}]</sup>
  let node = <>{run.text}</>
  if (run.marks.includes('bold')) node = <strong>{node}</strong>
  if (run.marks.includes('italic')) node = <em>{node}</em>
  return node
}

function Block({ block }: { block: CanonicalBlock }) {
  switch (block.type) {
    case 'clause':
      return (
        <p className="clause" data-label={block.label}>
          {block.content.map((run, index) => (
            <Inline key={index} run={run} />
          ))}
        </p>
      )
    case 'heading':
      return (
        <h3>
          {block.content.map((run, index) => (
            <Inline key={index} run={run} />
          ))}
        </h3>
      )
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul'
      return (
        <List>
          {block.items.map((item, index) => (
            <li key={index}>
              {item.content.map((run, runIndex) => (
                <Inline key={runIndex} run={run} />
              ))}
              {item.lists.map((nested, nestedIndex) => (
                <Block key={nestedIndex} block={nested} />
              ))}
            </li>
          ))}
        </List>
      )
    }
  }
}

/** A frozen text, read-only, exactly as it was hashed. */
export function CanonicalTextView({ text }: { text: CanonicalText }) {
  return (
    <div className="declaration-text version-text">
      <h2 className="declaration-title" dir="auto">
        {text.title}
      </h2>
      {text.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  )
}
