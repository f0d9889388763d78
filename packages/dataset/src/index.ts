export { DatasetError, formatProblem } from './dataset-error.js';
export { loadDataset, type LoadOptions } from './load-dataset.js';
export { loadDatasetWithSnapshot, type SnapshotOptions } from './snapshot.js';
export { writeDataset, type WriteOptions } from './write-dataset.js';
export { kindFile, manifestFile, orgsFile, type Dataset, type DatasetInput, type DatasetManifest, type DatasetProblem } from './types.js';
export { escapeControlChars } from './escape-control.js';
export { decodeText, utf8Bom, type DecodedText, type TextEncoding } from './text-encoding.js';
export { fileErrorMessage, plainTextProblem, readTextFile, type FileText, type TextFileResult } from './text-file.js';
