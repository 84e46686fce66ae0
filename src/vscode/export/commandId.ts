// Apart from exportDocx.ts so the browser entry can name the command without bundling the docx writer.
export const EXPORT_DOCX_COMMAND = 'phrasebook.exportDocx';
