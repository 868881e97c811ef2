package io.nextbest.support.auth;

/** The request carries no valid API key for the tenant it names; both APIs answer 401. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }

    static UnauthorizedException invalidKey() {
        return new UnauthorizedException("Invalid API key or tenant");
    }
}
