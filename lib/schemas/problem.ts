import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI reference naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ path: z.string().describe('JSON pointer to the offending value'), message: z.string() }))
      .optional()
      .describe('Every invalid field or parameter'),
    existing_id: z.string().optional().describe('On 409: the id of the object the request clashed with'),
    request_id: z.string().optional().describe('On 500: quote it when reporting the failure'),
  })
  .meta({
    id: 'Problem',
    example: { type: '/docs#problem-not_found', title: 'Not found', status: 404, detail: 'Location not found' },
  });
