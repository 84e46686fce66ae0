// What the exporter reports instead of dropping: constructs with no 公文 equivalent and unreadable images.
// `kind` lets each front end word the warning in its own language; `message` is the English one (CLI).

export type DocxWarningKind =
  | 'empty'
  | 'noTitle'
  | 'codeBlock'
  | 'inlineCode'
  | 'html'
  | 'math'
  | 'link'
  | 'thematicBreak'
  | 'imageMissing'
  | 'imageNotLocal'
  | 'imageUnsupported';

export interface DocxWarning {
  kind: DocxWarningKind;
  /** 1-based line of the Markdown. */
  line: number;
  /** The construct as written (code block language, HTML, image path, link target), for the message. */
  detail: string;
  message: string;
}

export function describeWarning(kind: DocxWarningKind, detail: string): string {
  const quoted = detail ? ` "${detail.length > 60 ? `${detail.slice(0, 60)}…` : detail}"` : '';
  switch (kind) {
    case 'empty':
      return 'The document is empty; the Word document has an empty page.';
    case 'noTitle':
      return 'The document has no "#" title; it starts with its first heading or paragraph.';
    case 'codeBlock':
      return `Code block${quoted} has no 公文 equivalent; kept as plain text.`;
    case 'inlineCode':
      return `Inline code${quoted} has no 公文 equivalent; kept as plain text.`;
    case 'html':
      return `HTML${quoted} is not converted; kept as plain text.`;
    case 'math':
      return `Math${quoted} is not converted; kept as plain text.`;
    case 'link':
      return `Link target${quoted} is not a web address; only the link text is kept.`;
    case 'thematicBreak':
      return 'Horizontal rule has no 公文 equivalent; left out.';
    case 'imageMissing':
      return `Image${quoted} could not be read; its Markdown is kept as text.`;
    case 'imageNotLocal':
      return `Image${quoted} is not a local file (nothing is downloaded); its Markdown is kept as text.`;
    case 'imageUnsupported':
      return `Image${quoted} is not PNG, JPEG, GIF or BMP; its Markdown is kept as text.`;
  }
}
