// Export of a Markdown report as a Word document in 公文 format.
export { exportDocx, DocxExportError, MAX_EXPORT_CHARS, type DocxExportOptions, type DocxExportResult } from './docx';
export { DEFAULT_DOCX_STYLE, resolveStyle, PAGE, LINE_PITCH, TEXT_WIDTH, TEXT_HEIGHT, characterSpacing, mm, type DocxStyle, type DocxStyleOptions } from './layout';
export { describeWarning, type DocxWarning, type DocxWarningKind } from './warnings';
export { imageInfo, type ImageInfo } from './imageInfo';
