/**
 * The headers by which a route handler asks the server in front to send a file from disk (X-Sendfile, as nginx's
 * X-Accel-Redirect): its path, its length, and its content coding. They never reach a client.
 */
export const SENDFILE = {
  path: "x-sendfile",
  length: "x-sendfile-length",
  encoding: "x-sendfile-encoding",
} as const;
