/** The errors use cases throw for callers to map (HTTP 404 / 400 / 403 / 409; the CLI prints the message). */
export class NotFoundError extends Error {}
export class BadRequestError extends Error {}
/** Signed in, but this role or scope may not do this. */
export class ForbiddenError extends Error {}
/** The thing changed meanwhile, or is in a state that does not allow this (a stale version, a locked figure). */
export class ConflictError extends Error {}
/** The request is larger than the server takes (a file's size, rows, or unpacked size): HTTP 413. */
export class TooLargeError extends Error {}
