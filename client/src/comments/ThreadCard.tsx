import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Identity } from '../../../shared/api/schemas.js'
import type { CommentView, ThreadView } from '../../../shared/comments/commentSchemas.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'

interface ThreadCardProps {
  thread: ThreadView
  label: string
  textRemoved: boolean
  identity: Identity
  canComment: boolean
  canModerate: boolean
  focused: boolean
  onShowInText: (() => void) | null
  onReply: (body: string) => Promise<void>
  onEdit: (commentId: string, body: string) => Promise<void>
  onDelete: (commentId: string) => Promise<void>
  onResolve: (resolved: boolean) => Promise<void>
}

/** One thread: where it points, its comments, and what this person may do with it. All text is shown as text. */
export function ThreadCard(props: ThreadCardProps) {
  const { thread, label, textRemoved, identity, canComment, canModerate, focused } = props
  const ref = useRef<HTMLElement>(null)
  const [reply, setReply] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    if (focused) {
      ref.current?.scrollIntoView({ block: 'nearest' })
      ref.current?.focus()
    }
  }, [focused])

  const run = (action: Promise<void>, after?: () => void) => {
    setError(null)
    action.then(after, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }

  const handleReply = (event: FormEvent) => {
    event.preventDefault()
    run(props.onReply(reply), () => setReply(''))
  }

  const mayResolve = canComment && (thread.createdBy.id === identity.id || canModerate)
  return (
    <article ref={ref} tabIndex={-1} className={`thread thread--${thread.status}${focused ? ' thread--focused' : ''}`} aria-labelledby={`${id}-title`} data-thread={thread.id}>
      <h3 id={`${id}-title`} className="thread__title">
        {label || 'Paragraph removed'} — {thread.status === 'resolved' ? 'Resolved' : 'Open'}
      </h3>
      <blockquote className="thread__quote" dir="auto">
        {thread.anchor ? `“${thread.quote}”` : 'Whole paragraph'}
        {textRemoved && <strong className="thread__removed"> (text removed)</strong>}
      </blockquote>
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} mine={comment.author.id === identity.id && canComment} onEdit={(body) => props.onEdit(comment.id, body)} onDelete={() => props.onDelete(comment.id)} />
        ))}
      </ol>
      <div className="thread__actions">
        {props.onShowInText && (
          <button type="button" onClick={props.onShowInText}>
            Show in text
          </button>
        )}
        {mayResolve && (
          <button type="button" onClick={() => run(props.onResolve(thread.status === 'open'))}>
            {thread.status === 'open' ? 'Resolve' : 'Reopen'}
          </button>
        )}
      </div>
      {canComment && thread.status === 'open' && (
        <form onSubmit={handleReply} className="thread__reply">
          <label htmlFor={`${id}-reply`}>Reply</label>
          <textarea id={`${id}-reply`} dir="auto" value={reply} onChange={(event) => setReply(event.target.value)} rows={2} maxLength={4000} required />
          <button type="submit">Send reply</button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  )
}

function CommentItem({ comment, mine, onEdit, onDelete }: { comment: CommentView; mine: boolean; onEdit: (body: string) => Promise<void>; onDelete: () => Promise<void> }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(comment.body)
  const id = useId()
  if (comment.deleted) {
    return (
      <li className="comment comment--deleted">
        <em>Comment deleted by {comment.author.name}.</em>
      </li>
    )
  }
  return (
    <li className="comment">
      <p className="comment__meta">
        <strong dir="auto">{comment.author.name}</strong> (<span dir="auto">{comment.author.delegation.name}</span>) · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt && ' · edited'}
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void onEdit(draft).then(() => setEditing(false))
          }}
        >
          <label htmlFor={`${id}-edit`}>Edit your comment</label>
          <textarea id={`${id}-edit`} dir="auto" value={draft} onChange={(event) => setDraft(event.target.value)} rows={3} maxLength={4000} required />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <p className="comment__body" dir="auto">{comment.body}</p>
      )}
      {mine && !editing && (
        <div className="comment__actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> your comment</span>
          </button>
          <button type="button" onClick={() => void onDelete()}>
            Delete<span className="visually-hidden"> your comment</span>
          </button>
        </div>
      )}
    </li>
  )
}
