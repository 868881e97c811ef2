package io.nextbest.support.auth;

/**
 * A valid key that may not call the route: a key with scopes (the decisioning API's restricted
 * keys) on a route that needs a full-access key. Both APIs answer 403, not 401: the key is genuine,
 * so retrying with it cannot help. A subtype of {@link UnauthorizedException} so that every path that
 * lets authentication failures through unchanged lets this one through too; the handlers map it first.
 */
public class ForbiddenException extends UnauthorizedException {

    public ForbiddenException(String message) {
        super(message);
    }

    /** The refusal of a key restricted by scopes, none of which any route of ours needs. */
    public static ForbiddenException restrictedKey() {
        return new ForbiddenException("This API key is restricted by its scopes and may not call this endpoint");
    }
}
