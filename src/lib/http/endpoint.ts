import { errorResponse } from './errors.ts';

/** Runs an endpoint body and maps every thrown error through the one error mapper. */
export async function handle(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}
