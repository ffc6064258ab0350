// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { mapPastedHtml } from '../../../client/src/editor/mapPastedHtml.js'

/** A bulleted list with a sub-item and a numbered list as Word puts them on the clipboard: paragraphs with mso-list styles. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-GB style='tab-interval:36.0pt'>
<p class=MsoNormal>Noting the following:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Access to schools<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Ramps and lifts<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><b>Teachers</b><o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Financing<o:p></o:p></p>
</body></html>`

describe("mapping Word's clipboard HTML", () => {
  it('rebuilds list paragraphs as nested lists without their bullet characters', () => {
    const { html, lost } = mapPastedHtml(wordClipboard, 'preambular')
    const normalised = html.replace(/\s+/g, ' ').replace(/> </g, '><')
    expect(normalised).toBe(
      '<p data-kind="preambular">Noting the following:</p>' +
        '<ul><li><p>Access to schools</p><ul><li><p>Ramps and lifts</p></li></ul></li><li><p><strong>Teachers</strong></p></li></ul>' +
        '<ol><li><p>Financing</p></li></ol>',
    )
    expect(lost).toEqual([])
  })

  it('turns a footnote into a note of its paragraph and leaves the rest of the section alone', () => {
    const html = `<body><div class=WordSection1>
<p class=MsoNormal>Recalling the Convention<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a>,<o:p></o:p></p>
<p class=MsoNormal>Noting the report,<o:p></o:p></p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Адамдардың құқықтары туралы, 24-бап<o:p></o:p></p></div>
</div></body>`
    const { html: mapped, lost } = mapPastedHtml(html, 'operative')
    expect(mapped.replace(/\s+/g, ' ')).toBe(
      '<p data-kind="operative">Recalling the Convention<sup data-note="Адамдардың құқықтары туралы, 24-бап"></sup>,</p><p data-kind="operative">Noting the report,</p>',
    )
    expect(lost).toEqual([])
  })
})
