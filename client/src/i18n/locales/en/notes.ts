/** English: the source catalogue of the `notes` namespace (pt-BR and es mirror its keys). */
export const notes = {
  toolbar: 'Notes formatting',
  bold: 'Bold',
  heading: 'Heading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  empty: 'No notes yet.',
};
