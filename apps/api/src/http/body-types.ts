import type { ApiErrorBody } from '@dx/contracts';
import type { NextFunction, Request, Response } from 'express';

/** JSON everywhere (the contract), multipart for the upload routes. */
const ACCEPTED = ['application/json', 'application/*+json', 'multipart/form-data'];

/**
 * Refuses a request body of any other type with 415 in the contract's shape, before a
 * parser sees it. Without this, a form post was parsed into fields and accepted like JSON,
 * and a text/plain or XML body reached the handlers as "no fields" (an empty PATCH
 * succeeded). Found by the trust suite's fuzz (apps/api/src/trust).
 */
export function refuseOtherBodyTypes(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is(ACCEPTED)) return next();
  const body: ApiErrorBody = {
    statusCode: 415,
    code: 'unsupported_media_type',
    message: 'Send JSON (Content-Type: application/json), or multipart/form-data for uploads',
    errors: [],
  };
  res.status(415).json(body);
}
