import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { Router } from 'express'
import { labelClauses } from '../../../../shared/editor/clauseLabels.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../../shared/editor/declarationExtensions.js'
import { isOpen } from '../../../../shared/negotiation/amendmentRules.js'
import { changeClauseId } from '../../../../shared/negotiation/describeChange.js'
import { resolveWordChange } from '../../../../shared/negotiation/wordChanges.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { requireSession } from '../../http/requireSession.js'
import { exportLanguage } from '../../i18n/requestLanguage.js'
import { renderCompilationDocx, type CompilationParagraph } from '../../exports/renderCompilationDocx.js'
import { amendmentPresenter } from '../amendments/presentAmendment.js'

/** GET /compilation.docx (`?lang=` for the labels): the live text with every open amendment, each as Word tracked changes by its delegation. */
export function compilationRouter(context: AppContext): Router {
  const { store, sessions, hub, amendments } = context
  const router = Router({ mergeParams: true })
  router.use('/compilation.docx', requireSession(sessions), requirePermission(store, 'declaration.read'))

  router.get('/compilation.docx', async (request, response) => {
    const { declaration } = accessOf(response)
    const language = exportLanguage(request, response)
    const present = await amendmentPresenter(store)
    const open = (await amendments.list(declaration)).filter(isOpen).sort((a, b) => a.number - b.number)
    // Text and spans are read in one step, so every span is placed in the text it is printed with.
    const paragraphs = await hub.withDocument(declaration, (document): CompilationParagraph[] =>
      labelClauses(yXmlFragmentToProseMirrorRootNode(document.doc.getXmlFragment(DECLARATION_FRAGMENT), declarationSchema)).map((clause) => ({
        clauseId: clause.id,
        label: clause.label,
        text: clause.node.textContent,
        amendments: open
          .filter((record) => changeClauseId(record.change) === clause.id)
          .map((record) => {
            const resolved = record.change.kind === 'words' && clause.id ? resolveWordChange(document.doc, clause.id, record.change.spans) : null
            return { amendment: present(record), spans: resolved && resolved.map((span) => ({ from: span.from, to: span.to, inserted: span.content.map((run) => run.text).join('') })) }
          }),
      })),
    )
    const title = (await store.getDeclaration(declaration))?.title ?? declaration
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    response.setHeader('Content-Disposition', `attachment; filename="${declaration}-compilation.docx"`)
    response.send(await renderCompilationDocx(title, paragraphs, language))
  })

  return router
}
