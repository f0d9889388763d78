// Text decoding lives in @fazhi/domain (the lowest package), so @fazhi/ledger reads CSV ledgers
// with the same decoder as datasets; re-exported here for the dataset's own modules.
export { decodeText, encodingProblem, firstReplacement, replacementChar, replacementMessage, utf8Bom, type DecodedText, type TextEncoding } from '@fazhi/domain';
