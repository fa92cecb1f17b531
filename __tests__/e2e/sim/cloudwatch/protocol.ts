/**
 * CloudWatch's wire protocol as `@aws-sdk/client-cloudwatch` (3.1142.0) speaks it: AWS JSON 1.0
 * with the awsQueryCompatible trait (its runtime config: `AwsJson1_0Protocol`, serviceTarget
 * `GraniteServiceVersion20100801`, `awsQueryCompatible: true`). CloudWatch moved from the AWS Query
 * protocol (form-encoded, XML) to JSON 1.0 and CBOR in 2025; the SDK's default is JSON 1.0:
 *
 * - request: `POST /`, `Content-Type: application/x-amz-json-1.0`,
 *   `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, `x-amzn-query-mode: true`, a JSON
 *   body; timestamps are epoch seconds (numbers);
 * - success: 200, a JSON body, timestamps as epoch seconds;
 * - error: the HTTP status, `{"__type": "<shape id>", "message": "..."}` (or `Message`, as the error
 *   shape names its member) and the header `x-amzn-query-error: <Query code>;<Sender|Receiver>`,
 *   from which a query-compatible client takes the error code (the SDK's `name`: `AccessDenied`,
 *   `Throttling`, `InvalidParameterValue`, ...), exactly the codes the Query protocol returned.
 */

import { decodeMarker } from '../elb/protocol.js';

export { accessKeyFromAuthorization as accessKey, encodeMarker as encodeToken } from '../elb/protocol.js';

export const TARGET_PREFIX = 'GraniteServiceVersion20100801';
export const JSON_1_0 = 'application/x-amz-json-1.0';

/** A service error with its shape (`__type`), Query code, HTTP status, fault side and message. */
export class CloudWatchError extends Error {
  constructor(
    /** `com.amazonaws.cloudwatch#InvalidParameterValueException` */
    readonly type: string,
    /** `InvalidParameterValue`: what `x-amzn-query-error` carries, and the SDK error's name. */
    readonly code: string,
    readonly status: number,
    readonly fault: 'Sender' | 'Receiver',
    message: string,
    /** The error shape's message member: most say `message`, some `Message`. */
    readonly messageMember: 'message' | 'Message' = 'message',
  ) {
    super(message);
  }

  body(): string {
    return JSON.stringify({ __type: this.type, [this.messageMember]: this.message });
  }

  header(): string {
    return `${this.code};${this.fault}`;
  }
}

const CW = 'com.amazonaws.cloudwatch#';

/** The errors the simulator answers with: CloudWatch's modelled ones and the common AWS ones. */
export const CwErrors = {
  invalidParameterValue: (message: string) =>
    new CloudWatchError(`${CW}InvalidParameterValueException`, 'InvalidParameterValue', 400, 'Sender', message),
  invalidParameterCombination: (message: string) =>
    new CloudWatchError(
      `${CW}InvalidParameterCombinationException`,
      'InvalidParameterCombination',
      400,
      'Sender',
      message,
    ),
  missingParameter: (message: string) =>
    new CloudWatchError(`${CW}MissingRequiredParameterException`, 'MissingParameter', 400, 'Sender', message),
  invalidNextToken: () =>
    new CloudWatchError(
      `${CW}InvalidNextToken`,
      'InvalidNextToken',
      400,
      'Sender',
      'The service returned an invalid NextToken.',
    ),
  validation: (message: string) =>
    new CloudWatchError(`${CW}ValidationException`, 'ValidationError', 400, 'Sender', message),
  internal: () =>
    new CloudWatchError(
      `${CW}InternalServiceFault`,
      'InternalServiceError',
      500,
      'Receiver',
      'Internal service error',
      'Message',
    ),
  serviceUnavailable: () =>
    new CloudWatchError(
      'com.amazon.coral.availability#ServiceUnavailableException',
      'ServiceUnavailable',
      503,
      'Receiver',
      'The request has failed due to a temporary failure of the server.',
    ),
  throttling: () =>
    new CloudWatchError(
      'com.amazon.coral.availability#ThrottlingException',
      'Throttling',
      400,
      'Sender',
      'Rate exceeded',
    ),
  accessDenied: (principal: string, action: string) =>
    new CloudWatchError(
      'com.amazon.coral.service#AccessDeniedException',
      'AccessDenied',
      403,
      'Sender',
      `User: ${principal} is not authorized to perform: cloudwatch:${action} because no identity-based policy allows the cloudwatch:${action} action`,
      'Message',
    ),
  missingAuth: () =>
    new CloudWatchError(
      'com.amazon.coral.service#MissingAuthenticationTokenException',
      'MissingAuthenticationToken',
      403,
      'Sender',
      'Missing Authentication Token',
    ),
  unknownOperation: (target: string) =>
    new CloudWatchError(
      'com.amazon.coral.service#UnknownOperationException',
      'UnknownOperation',
      400,
      'Sender',
      `Unknown operation ${target}`,
    ),
  serialization: (message: string) =>
    new CloudWatchError(
      'com.amazon.coral.service#SerializationException',
      'SerializationException',
      400,
      'Sender',
      message,
    ),
} as const;

/** Opaque paging tokens, as the ELB endpoint hands out markers; a bad one is `InvalidNextToken`. */
export function decodeToken(token: string | undefined): number {
  try {
    return decodeMarker(token);
  } catch {
    throw CwErrors.invalidNextToken();
  }
}
