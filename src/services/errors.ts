/** The errors use cases throw for callers to map (HTTP 404 / 400; the CLI prints the message). */
export class NotFoundError extends Error {}
export class BadRequestError extends Error {}
