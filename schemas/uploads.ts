// Limits on uploaded files that the server enforces and the web app checks before sending, so a
// partner choosing an oversized file is told at once instead of after uploading it.

/** Largest return file accepted (DOMAIN.md / issue 2): a national police return is about 100 KB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
