import { useTranslation } from 'react-i18next'
import type { CanonicalBlock, CanonicalInline, CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { StatusBadge } from '../paragraphStatus/StatusBadge.js'

function Inline({ run }: { run: CanonicalInline }) {
  const { t } = useTranslation()
  if ('note' in run) return <sup className="version-note">{t('versions.text.note', { note: run.note })}</sup>
  let node = <>{run.text}</>
  if (run.marks.includes('bold')) node = <strong>{node}</strong>
  if (run.marks.includes('italic')) node = <em>{node}</em>
  return node
}

function Block({ block, statuses }: { block: CanonicalBlock; statuses: ReadonlyMap<string, ParagraphStatus> }) {
  switch (block.type) {
    case 'clause':
      return (
        <p className="clause" data-label={block.label}>
          <StatusBadge status={(block.id && statuses.get(block.id)) || 'open'} hideOpen />
          <span dir="auto">
            {block.content.map((run, index) => (
              <Inline key={index} run={run} />
            ))}
          </span>
        </p>
      )
    case 'heading':
      return (
        <h3 dir="auto">
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
            <li key={index} dir="auto">
              {item.content.map((run, runIndex) => (
                <Inline key={runIndex} run={run} />
              ))}
              {item.lists.map((nested, nestedIndex) => (
                <Block key={nestedIndex} block={nested} statuses={statuses} />
              ))}
            </li>
          ))}
        </List>
      )
    }
  }
}

/** A frozen text, read-only, exactly as it was hashed, with the status each paragraph had then. */
export function CanonicalTextView({ text, statuses = new Map<string, ParagraphStatus>() }: { text: CanonicalText; statuses?: ReadonlyMap<string, ParagraphStatus> }) {
  return (
    <div className="declaration-text version-text">
      <h2 className="declaration-title" dir="auto">
        {text.title}
      </h2>
      {text.blocks.map((block, index) => (
        <Block key={index} block={block} statuses={statuses} />
      ))}
    </div>
  )
}
