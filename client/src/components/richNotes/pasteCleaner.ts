/**
 * Pasted HTML without its looks: Word and Google Docs wrap text in `style`, `class` and `mso-*`
 * markup, and the editor's schema would turn some of it into marks (a `font-weight` span into bold).
 * Only the element structure is kept (headings, lists, paragraphs, b/strong/i/em tags).
 */
const DROPPED_ELEMENTS = 'style, script, meta, link, title, xml, o\\:p';

export function stripPastedStyles(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.body.querySelectorAll(DROPPED_ELEMENTS)) element.remove();
  for (const element of doc.body.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      // An ordered list's start and a link's target are content; everything else is presentation.
      if (name !== 'href' && name !== 'start') element.removeAttribute(name);
    }
  }
  return doc.body.innerHTML;
}
