package cn.cm135.web;

/**
 * The body of every refused API call.
 *
 * @param status  HTTP status code
 * @param field   the request field at fault, or null when the request as a whole is refused
 * @param message why, in words a manager understands
 */
public record ApiError(int status, String field, String message) {
}
