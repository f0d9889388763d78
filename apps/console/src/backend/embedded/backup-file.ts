// The backup file's format lives in @fazhi/db, so the CLI opens the same file (`--db pglite:FILE.fazhi-backup`).
export { backupExtension, backupFileName, BackupFileError, backupMagic, readBackupFile, sha256Hex, writeBackupFile, type BackupManifest } from '@fazhi/db/browser';
